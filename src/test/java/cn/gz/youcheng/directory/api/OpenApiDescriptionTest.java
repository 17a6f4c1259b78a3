package cn.gz.youcheng.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class OpenApiDescriptionTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPublicEndpointOfTheApplicationIsDescribedAndTheDescriptionIsOpenToAll() throws Exception {
        JsonNode description = description();

        // Every GET the application's own controllers answer (springdoc's and Spring's error page aside).
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("cn.gz.youcheng")
                    && (mapping.getMethodsCondition().getMethods().isEmpty()
                    || mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET))) {
                // As OpenAPI writes a path variable: its name alone, without the pattern it must match.
                mapping.getPatternValues().forEach(pattern -> endpoints.add(pattern.replaceAll("\\{(\\w+):[^}]*}+", "{$1}")));
            }
        });
        assertThat(endpoints).contains("/api/v1/partners", "/api/v1/partners/{id}", "/export/partners.csv", "/feed.atom",
                "/export/wikidata.tsv", "/sitemap.xml");
        List<String> described = new ArrayList<>(description.get("paths").propertyNames());
        assertThat(described).containsAll(endpoints);
        assertThat(description.get("openapi").asString()).startsWith("3.");
        assertThat(description.get("info").get("license").get("name").asString()).isEqualTo("CC BY 4.0");
    }

    @Test
    void theApiIsDescribedWithTheDirectorysFiltersItsPagingAndItsAnswers() throws Exception {
        JsonNode partners = description().get("paths").get("/api/v1/partners").get("get");

        List<String> parameters = partners.get("parameters").findValuesAsString("name");
        assertThat(parameters).containsExactlyInAnyOrder("q", "list", "country", "continent", "from", "to", "status",
                "asOf", "exchangedSince", "limit", "cursor");
        assertThat(partners.get("responses").propertyNames()).contains("200", "400", "409");
        JsonNode page = partners.get("responses").get("200").get("content").get("application/json").get("schema");
        assertThat(page.get("$ref").asString()).endsWith("/PartnerPage");
        JsonNode schemas = description().get("components").get("schemas");
        assertThat(schemas.get("ListedPartner").get("properties").propertyNames())
                .contains("id", "url", "nameZh", "geonamesId", "wikidataQid");
        assertThat(description().get("paths").get("/export/partners.csv").get("get").get("parameters")
                .findValuesAsString("name")).as("the downloads take the same filters").contains("country", "asOf");
    }

    @Test
    void theBrowsablePageIsServed() throws Exception {
        MockMvc http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpServletResponse page = http.perform(get("/swagger-ui.html")).andReturn().getResponse();
        assertThat(page.getStatus()).isIn(200, 302);
        if (page.getStatus() == 302) {
            assertThat(page.getRedirectedUrl()).contains("/swagger-ui/index.html");
        }
    }

    private JsonNode description() throws Exception {
        MockMvc http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpServletResponse response = http.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
