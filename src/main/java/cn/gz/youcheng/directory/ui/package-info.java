/** Types here are not null unless marked {@code @Nullable} (decision record 0014). */
@NullMarked
package cn.gz.youcheng.directory.ui;

import org.jspecify.annotations.NullMarked;
