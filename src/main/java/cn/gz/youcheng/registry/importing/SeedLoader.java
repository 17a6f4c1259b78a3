package cn.gz.youcheng.registry.importing;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On start-up, fills an empty registry with the official list; a restart imports nothing again. */
@Component
class SeedLoader implements ApplicationRunner {

    private final SeedImport seedImport;

    SeedLoader(SeedImport seedImport) {
        this.seedImport = seedImport;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedImport.seedIfEmpty();
    }
}
