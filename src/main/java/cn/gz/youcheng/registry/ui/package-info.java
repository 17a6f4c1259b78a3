/** Types here are not null unless marked {@code @Nullable} (decision record 0014). */
@NullMarked
package cn.gz.youcheng.registry.ui;

import org.jspecify.annotations.NullMarked;
