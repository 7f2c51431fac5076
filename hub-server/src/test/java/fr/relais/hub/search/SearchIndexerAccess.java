package fr.relais.hub.search;

/** Opens the indexer's package-private helpers to tests in other packages. */
public final class SearchIndexerAccess {
    public static String aMinuteBefore(String id) {
        return SearchIndexer.aMinuteBefore(id);
    }

    private SearchIndexerAccess() {
    }
}
