package cn.gz.youcheng.directory;

/**
 * Where a partner's identifiers lead: the addresses of its GeoNames entry and Wikidata item, the same on the
 * partner page, in the downloads' descriptions and in the API, so that every reuser follows one link.
 */
public final class PlaceIdentifiers {

    private PlaceIdentifiers() {
    }

    /** The entry's page on geonames.org, which is also its URI in GeoNames' own linked data. */
    public static String geonames(long geonamesId) {
        return "https://www.geonames.org/" + geonamesId;
    }

    /** The item's page on wikidata.org. */
    public static String wikidata(String qid) {
        return "https://www.wikidata.org/wiki/" + qid;
    }
}
