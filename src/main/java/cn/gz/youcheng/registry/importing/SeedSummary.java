package cn.gz.youcheng.registry.importing;

public record SeedSummary(int sisterCities, int exchangeCities, int countries) {
}
