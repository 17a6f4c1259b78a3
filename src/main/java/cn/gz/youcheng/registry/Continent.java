package cn.gz.youcheng.registry;

/** Continents as in the UN geoscheme; the Caribbean and Central America count as North America. */
public enum Continent {
    AFRICA, ASIA, EUROPE, NORTH_AMERICA, SOUTH_AMERICA, OCEANIA
}
