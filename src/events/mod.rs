//! One module per event kind. Each documents the byte layout it parses and where in
//! the MySQL or MariaDB source the layout is defined.

pub mod format_description;
pub mod gtid;
pub mod heartbeat;
pub mod incident;
pub mod intvar;
pub mod load;
pub mod mariadb;
pub mod previous_gtids;
pub mod query;
pub mod rand;
pub mod rotate;
pub mod rows;
pub mod rows_query;
pub mod stop;
pub mod table_map;
pub mod transaction_context;
pub mod transaction_payload;
pub mod unknown;
pub mod user_var;
pub mod view_change;
pub mod xa_prepare;
pub mod xid;

pub use format_description::{FormatDescriptionEvent, StartV3Event};
pub use gtid::GtidEvent;
pub use heartbeat::{HeartbeatEvent, HeartbeatV2Event};
pub use incident::IncidentEvent;
pub use intvar::IntvarEvent;
pub use load::{AppendBlockEvent, CreateFileEvent, FileIdEvent, LoadEvent, SlaveEvent};
pub use mariadb::{
    BinlogCheckpointEvent, MariadbGtidEvent, MariadbGtidListEvent, PartialRowDataEvent,
    StartEncryptionEvent,
};
pub use previous_gtids::PreviousGtidsEvent;
pub use query::{QueryEvent, StatusVars};
pub use rand::RandEvent;
pub use rotate::RotateEvent;
pub use rows::{RowsEvent, RowsKind};
pub use rows_query::RowsQueryEvent;
pub use stop::StopEvent;
pub use table_map::TableMapEvent;
pub use transaction_context::TransactionContextEvent;
pub use transaction_payload::{PayloadCompression, TransactionPayloadEvent};
pub use unknown::{EncryptedEvent, UnknownEvent};
pub use user_var::{UserVarEvent, UserVarValue};
pub use view_change::ViewChangeEvent;
pub use xa_prepare::{XaPrepareEvent, Xid};
pub use xid::XidEvent;
