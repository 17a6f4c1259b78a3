package hello;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
public class HelloApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(HelloApplication.class, args);
    }

    @Route("")
    public static class HelloView extends VerticalLayout {
        public HelloView() {
            add(new H1("Hello"));
        }
    }
}
