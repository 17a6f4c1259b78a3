package cn.gz.youcheng;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Like {@link IntegrationTest}, but on a database of its own: admin tests add, upgrade and end partners,
 * which must not change what the public-directory tests count.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SecurityContextOfThisApplication.class)
@SpringBootTest(properties = {"youcheng.embedded-database.temporary=true", "youcheng.test-database=admin"})
public @interface AdminTest {
}
