package cn.gz.youcheng.registry;

/** The administrative level of a partner: most are cities, some are provinces, states or counties. */
public enum AdminLevel {
    CITY, COUNTY, DISTRICT, GOVERNORATE, MUNICIPALITY, PREFECTURE, PROVINCE, REGION, STATE, TERRITORY
}
