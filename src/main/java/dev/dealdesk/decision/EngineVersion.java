package dev.dealdesk.decision;

/** The version of the engine that decides, as audit records and compiled-policy caches name it. */
public final class EngineVersion {

    private EngineVersion() {
    }

    /** The version the jar's manifest names; {@code development} when run from classes. */
    public static String current() {
        String version = EngineVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
