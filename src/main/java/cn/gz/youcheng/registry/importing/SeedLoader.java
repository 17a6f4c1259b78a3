package cn.gz.youcheng.registry.importing;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On start-up, fills an empty registry with the official list; a restart imports nothing again. It runs when
 * every bean is ready but before the web server takes its first request (Spring Boot binds the port only
 * after this), so that no page or download is ever served from a registry that is not loaded yet.
 */
@Component
class SeedLoader implements SmartInitializingSingleton {

    private final SeedImport seedImport;

    SeedLoader(SeedImport seedImport) {
        this.seedImport = seedImport;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seedImport.seedIfEmpty();
    }
}
