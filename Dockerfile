# First version: builds the production jar and runs it against an external PostgreSQL.
# docker build -t youcheng . && docker run -p 8080:8080 \
#   -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/youcheng -e SPRING_DATASOURCE_USERNAME=... \
#   -e SPRING_DATASOURCE_PASSWORD=... youcheng

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -Pproduction dependency:go-offline
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
# Give SPRING_DATASOURCE_URL: the embedded database is meant for local runs, not containers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
