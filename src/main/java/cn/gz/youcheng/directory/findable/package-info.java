/**
 * What search engines and other crawlers read of the public pages, outside Vaadin: which pages they may
 * crawl. Types here are not null unless marked {@code @Nullable} (decision record 0014).
 */
@NullMarked
package cn.gz.youcheng.directory.findable;

import org.jspecify.annotations.NullMarked;
