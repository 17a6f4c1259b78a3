package cn.gz.youcheng.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a start's CPU time goes: JFR's execution samples of one start, each counted once for the first
 * frame from the top of its stack that belongs to a known part (Hibernate, Spring Security, Vaadin, …).
 */
final class StartupProfile {

    // Most specific first: the first prefix a frame starts with names its part. A sample counts for the
    // first specific part on its stack from the top, so that class loading and Spring's bean machinery
    // are counted for the framework that caused them; only samples without one count for the generic parts.
    private static final Map<String, String> PARTS = new LinkedHashMap<>();
    // At the bottom of every stack of the main thread: what it starts is not its own work.
    private static final String ENTRY_POINT = "cn.gz.youcheng.Application.main";
    private static final java.util.Set<String> GENERIC = java.util.Set.of("Spring Boot's nested-jar class loading",
            "Spring AOP (proxies)", "Spring Boot (auto-configuration)", "Spring Framework (beans, context, scanning)",
            "JDK class loading");

    static {
        PARTS.put("org.hibernate.envers", "Hibernate Envers (audit)");
        PARTS.put("org.hibernate.validator", "Hibernate Validator");
        PARTS.put("org.hibernate", "Hibernate ORM (JPA)");
        PARTS.put("org.springframework.data", "Spring Data JPA");
        PARTS.put("org.springframework.security", "Spring Security");
        PARTS.put("org.flywaydb", "Flyway");
        PARTS.put("org.postgresql", "PostgreSQL driver");
        PARTS.put("com.zaxxer.hikari", "HikariCP");
        PARTS.put("com.vaadin", "Vaadin");
        PARTS.put("org.springframework.boot.actuate", "Spring Boot Actuator");
        PARTS.put("io.micrometer", "Micrometer");
        PARTS.put("org.apache.catalina", "Tomcat");
        PARTS.put("org.apache.tomcat", "Tomcat");
        PARTS.put("org.apache.coyote", "Tomcat");
        PARTS.put("tools.jackson", "Jackson");
        PARTS.put("com.fasterxml.jackson", "Jackson");
        PARTS.put("org.springframework.boot.loader", "Spring Boot's nested-jar class loading");
        PARTS.put("org.springframework.aop", "Spring AOP (proxies)");
        PARTS.put("org.springframework.cglib", "Spring AOP (proxies)");
        PARTS.put("org.springframework.boot", "Spring Boot (auto-configuration)");
        PARTS.put("org.springframework", "Spring Framework (beans, context, scanning)");
        PARTS.put("cn.gz.youcheng", "Youcheng's own code (configuration, filters, start-up tasks)");
        PARTS.put("java.lang.ClassLoader", "JDK class loading");
        PARTS.put("jdk.internal.loader", "JDK class loading");
        PARTS.put("java.util.zip", "JDK class loading");
        PARTS.put("java.util.jar", "JDK class loading");
    }

    private static void count(Map<String, Integer> samples, String specific, String generic) {
        samples.merge(specific != null ? specific : generic != null ? generic : "other (JDK, JIT, GC)", 1, Integer::sum);
    }

    /** Samples per part, most first, for the recording of one start. */
    static Map<String, Integer> of(Path recording) throws IOException, InterruptedException {
        Process print = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "print",
                "--stack-depth", "256", "--events", "jdk.ExecutionSample", recording.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(print.getInputStream().readAllBytes()).lines().toList();
        print.waitFor();
        Map<String, Integer> samples = new LinkedHashMap<>();
        String specific = null;
        String generic = null;
        boolean inStack = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("jdk.ExecutionSample")) {
                if (inStack) {
                    count(samples, specific, generic);
                }
                specific = null;
                generic = null;
                inStack = false;
            } else if (trimmed.startsWith("stackTrace = [")) {
                inStack = true;
            } else if (inStack && specific == null && trimmed.contains("(") && !trimmed.startsWith(ENTRY_POINT)) {
                for (Map.Entry<String, String> known : PARTS.entrySet()) {
                    if (trimmed.startsWith(known.getKey())) {
                        if (!GENERIC.contains(known.getValue())) {
                            specific = known.getValue();
                        } else if (generic == null) {
                            generic = known.getValue();
                        }
                        break;
                    }
                }
            }
        }
        if (inStack) {
            count(samples, specific, generic);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
