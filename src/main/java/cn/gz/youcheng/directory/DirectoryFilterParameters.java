package cn.gz.youcheng.directory;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that takes the directory's filters (docs/urls.md): the OpenAPI description (directory.api) describes
 * them on it from one list, so that the API, the downloads and the feed say the same of them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DirectoryFilterParameters {
}
