package io.trainflow.connectors.jdbc;

import javax.sql.DataSource;

/**
 * A data source that hands out another one's connections (e.g. a share of a pool kept for background work): the same
 * database, so {@link TrainflowSchema#ensure} migrates it once, not once per wrapper.
 */
public interface WrappedDataSource extends DataSource {

    /** The data source whose connections these are. */
    DataSource wrapped();
}
