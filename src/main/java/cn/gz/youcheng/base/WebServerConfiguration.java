package cn.gz.youcheng.base;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    /** Closed connections whose channels and buffers Tomcat keeps for reuse: about 8 MB. */
    static final int CACHED_CONNECTIONS = 500;

    /**
     * Tomcat keeps the channel of a closed connection, with its two 8 KB buffers, for the next one. By default it
     * keeps up to a thirty-second of the heap, about 190 MB of a 6 GB heap. A browser opens several connections
     * at once, so after a busy hour the heap would stay larger by what the busiest minute needed. The benchmark
     * counted this as 60 KB per visitor (bench/results/2026-12-02.md). 500 channels still serve ordinary
     * traffic from the cache.
     */
    @Bean
    TomcatConnectorCustomizer boundedConnectionCache() {
        return connector -> connector.setProperty("socket.bufferPool", String.valueOf(CACHED_CONNECTIONS));
    }
}
