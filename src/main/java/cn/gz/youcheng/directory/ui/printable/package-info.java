/**
 * The directory on paper: its whole selection as one table with a page header, a page of its own and what
 * the directory prints in place of its grid (decision record 0021). Types here are not null unless marked
 * {@code @Nullable} (decision record 0014).
 */
@NullMarked
package cn.gz.youcheng.directory.ui.printable;

import org.jspecify.annotations.NullMarked;
