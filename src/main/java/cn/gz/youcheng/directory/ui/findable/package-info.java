/**
 * What search engines, other crawlers and readers without scripts read of the public pages: their content,
 * titles and language alternates in the first HTML, a real 404 for a page that is not there (decision record
 * 0019), the sitemap, and which pages crawlers may read. Types here are not null unless marked
 * {@code @Nullable} (decision record 0014).
 */
@NullMarked
package cn.gz.youcheng.directory.ui.findable;

import org.jspecify.annotations.NullMarked;
