package cn.gz.youcheng.directory.api;

import cn.gz.youcheng.directory.DirectoryFilterParameters;
import cn.gz.youcheng.directory.DirectoryParameters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description springdoc writes from the code ({@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}): the API and every other public endpoint (downloads, feed, sitemaps), with the
 * directory's filters described once for every endpoint that takes them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI youchengOpenApi() {
        return new OpenAPI().components(new Components()).info(new Info()
                .title("Youcheng 友城: Guangzhou's international partner cities")
                .version("v1")
                .description("The registry of Guangzhou's sister cities (友好城市) and exchange cities (友好合作交流城市): "
                        + "the read API, the downloads and the change feed. Everything here is public, read-only and "
                        + "open to scripts on any site. Coordinates: GeoNames, CC BY 4.0.")
                .license(new License().name("CC BY 4.0").url("https://creativecommons.org/licenses/by/4.0/")));
    }

    /** The filters of docs/urls.md, on every endpoint marked {@link DirectoryFilterParameters}. */
    @Bean
    OperationCustomizer directoryFilters() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(DirectoryFilterParameters.class)) {
                for (Parameter parameter : FILTERS) {
                    operation.addParametersItem(parameter);
                }
            }
            return operation;
        };
    }

    private static final List<Parameter> FILTERS = List.of(
            filter(DirectoryParameters.TEXT, "Text in the Chinese or English name of partner or country",
                    new StringSchema().maxLength(DirectoryParameters.MAX_TEXT), "Oakland"),
            filter(DirectoryParameters.LIST, "sister (友好城市) or exchange (友好合作交流城市)",
                    new StringSchema()._enum(List.of("sister", "exchange")), "sister"),
            filter(DirectoryParameters.COUNTRY, "ISO 3166-1 alpha-2 codes; repeat the parameter or separate by commas",
                    new ArraySchema().items(new StringSchema().pattern("^[A-Za-z]{2}$")), "JP"),
            filter(DirectoryParameters.CONTINENT, "Continents; repeat the parameter or separate by commas",
                    new ArraySchema().items(new StringSchema()._enum(List.of("africa", "asia", "europe", "north-america",
                            "south-america", "oceania"))), "europe"),
            filter(DirectoryParameters.FROM, "First signing year, inclusive", new IntegerSchema().minimum(
                    java.math.BigDecimal.valueOf(1900)).maximum(java.math.BigDecimal.valueOf(2100)), "2012"),
            filter(DirectoryParameters.TO, "Last signing year, inclusive", new IntegerSchema().minimum(
                    java.math.BigDecimal.valueOf(1900)).maximum(java.math.BigDecimal.valueOf(2100)), "2019"),
            filter(DirectoryParameters.STATUS, "active (the official lists, the default), suspended, terminated, superseded or all",
                    new StringSchema()._enum(List.of("active", "suspended", "terminated", "superseded", "all")), "all"),
            filter(DirectoryParameters.AS_OF, "The lists as they stood on a day, yyyy-MM-dd (today by default)",
                    new StringSchema().format("date"), "2019-12-31"),
            filter(DirectoryParameters.EXCHANGED_SINCE, "Partners with a published exchange in or after this year",
                    new IntegerSchema().minimum(java.math.BigDecimal.valueOf(1900)).maximum(java.math.BigDecimal.valueOf(2100)),
                    "2023"));

    private static Parameter filter(String name, String description, Schema<?> schema, String example) {
        return new Parameter().in("query").name(name).description(description).required(false).schema(schema).example(example);
    }
}
