package cn.gz.youcheng.registry.importing;

/** The reference data does not match the official list it is meant to complete. */
public class SeedDataException extends RuntimeException {

    public SeedDataException(String message) {
        super(message);
    }
}
