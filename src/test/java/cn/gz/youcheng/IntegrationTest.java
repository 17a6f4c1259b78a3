package cn.gz.youcheng;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real, temporary embedded PostgreSQL with the official list loaded. Every test
 * class with this annotation shares one application context, so one database: a test that adds data
 * must not change what the others count (use names of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SecurityContextOfThisApplication.class)
@SpringBootTest(properties = "youcheng.embedded-database.temporary=true")
public @interface IntegrationTest {
}
