/**
 * The public read API, {@code /api/v1}: the directory's partners as JSON for programs, on the directory's own
 * query layer and filters, described by OpenAPI. Types here are not null unless marked {@code @Nullable}
 * (decision record 0014).
 */
@NullMarked
package cn.gz.youcheng.directory.api;

import org.jspecify.annotations.NullMarked;
