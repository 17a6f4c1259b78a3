# Production image: the production build (Vaadin in production mode, the committed frontend bundle, no
# embedded database) on a JRE 25, as a non-root user, against an external PostgreSQL:
#   docker build -t youcheng .
#   docker run -p 8080:8080 -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/youcheng \
#     -e SPRING_DATASOURCE_USERNAME=youcheng -e SPRING_DATASOURCE_PASSWORD=... youcheng
# or `docker compose up` with compose.yaml.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -Pproduction dependency:go-offline
COPY package.json package-lock.json vite.config.ts ./
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp -Pproduction -DskipTests package && cp target/youcheng-*.jar /build/app.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app youcheng
WORKDIR /app
COPY --from=build /build/app.jar app.jar
USER youcheng
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
