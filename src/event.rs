//! Decoded events: [`BinlogEvent`] (an event with its position, header and bytes) and
//! [`Event`] (its typed body, one variant per kind).

use crate::constants::EventType;
use crate::events::*;
use crate::header::EventHeader;

/// One event, decoded, with where it sits in the file.
///
/// It borrows from the input: the mapped or read file, or a [`StreamReader`]'s buffer.
///
/// [`StreamReader`]: crate::StreamReader
#[derive(Clone, Debug, PartialEq)]
pub struct BinlogEvent<'a> {
    /// The absolute offset of the event's first byte in the file. For an event inside a
    /// TRANSACTION_PAYLOAD, the offset of that payload event.
    pub offset: u64,
    /// For an event inside a TRANSACTION_PAYLOAD: its offset within the decompressed
    /// payload. `None` for events stored directly in the file.
    pub payload_offset: Option<u64>,
    /// The common header.
    pub header: EventHeader,
    /// The typed body.
    pub event: Event<'a>,
    /// The CRC32 stored at the end of the event, when the format has checksums.
    pub checksum: Option<u32>,
    /// The whole event as stored: header, body and checksum.
    pub raw: &'a [u8],
    pub(crate) end: u64,
}

impl BinlogEvent<'_> {
    /// The offset just past the event: where the next event starts. For an event inside
    /// a TRANSACTION_PAYLOAD, the end of the payload event.
    pub fn end_offset(&self) -> u64 {
        self.end
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for BinlogEvent<'_> {
    /// One flat object: `pos`, `end_pos`, `type` (the [`Event::kind`]), `type_code`,
    /// `timestamp`, `server_id`, `log_pos`, `flags`, `payload_pos` for an event inside a
    /// TRANSACTION_PAYLOAD, then the event's own fields.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Flat<'e, 'a> {
            pos: u64,
            end_pos: u64,
            #[serde(rename = "type")]
            kind: &'static str,
            type_code: u8,
            timestamp: u32,
            server_id: u32,
            log_pos: u32,
            flags: u16,
            #[serde(skip_serializing_if = "Option::is_none")]
            payload_pos: Option<u64>,
            #[serde(flatten)]
            event: &'e Event<'a>,
        }
        Flat {
            pos: self.offset,
            end_pos: self.end,
            kind: self.event.kind(),
            type_code: self.header.event_type.0,
            timestamp: self.header.timestamp,
            server_id: self.header.server_id,
            log_pos: self.header.log_pos,
            flags: self.header.flags.0,
            payload_pos: self.payload_offset,
            event: &self.event,
        }
        .serialize(s)
    }
}

/// The typed body of an event, one variant per kind.
///
/// Versioned and compressed forms share a variant (MySQL's three generations of row
/// events are all [`Event::Rows`]; MariaDB's QUERY_COMPRESSED is [`Event::Query`]); the
/// struct says which form it came from.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[non_exhaustive]
pub enum Event<'a> {
    /// START_EVENT_V3 (1).
    StartV3(StartV3Event<'a>),
    /// QUERY_EVENT (2) and MariaDB's QUERY_COMPRESSED_EVENT (165).
    Query(QueryEvent<'a>),
    /// STOP_EVENT (3).
    Stop(StopEvent),
    /// ROTATE_EVENT (4).
    Rotate(RotateEvent<'a>),
    /// INTVAR_EVENT (5).
    Intvar(IntvarEvent),
    /// LOAD_EVENT (6) and NEW_LOAD_EVENT (12).
    Load(LoadEvent<'a>),
    /// SLAVE_EVENT (7).
    Slave(SlaveEvent<'a>),
    /// CREATE_FILE_EVENT (8).
    CreateFile(CreateFileEvent<'a>),
    /// APPEND_BLOCK_EVENT (9).
    AppendBlock(AppendBlockEvent<'a>),
    /// EXEC_LOAD_EVENT (10).
    ExecLoad(FileIdEvent),
    /// DELETE_FILE_EVENT (11).
    DeleteFile(FileIdEvent),
    /// RAND_EVENT (13).
    Rand(RandEvent),
    /// USER_VAR_EVENT (14).
    UserVar(UserVarEvent<'a>),
    /// FORMAT_DESCRIPTION_EVENT (15).
    FormatDescription(FormatDescriptionEvent<'a>),
    /// XID_EVENT (16).
    Xid(XidEvent),
    /// BEGIN_LOAD_QUERY_EVENT (17).
    BeginLoadQuery(AppendBlockEvent<'a>),
    /// EXECUTE_LOAD_QUERY_EVENT (18).
    ExecuteLoadQuery(QueryEvent<'a>),
    /// TABLE_MAP_EVENT (19).
    TableMap(TableMapEvent<'a>),
    /// Every row event: pre-GA (20-22), v1 (23-25), v2 (30-32), PARTIAL_UPDATE_ROWS (39)
    /// and MariaDB's compressed ones (166-171).
    Rows(RowsEvent<'a>),
    /// INCIDENT_EVENT (26).
    Incident(IncidentEvent<'a>),
    /// HEARTBEAT_LOG_EVENT (27).
    Heartbeat(HeartbeatEvent<'a>),
    /// IGNORABLE_LOG_EVENT (28): no body of its own.
    Ignorable(UnknownEvent<'a>),
    /// ROWS_QUERY_LOG_EVENT (29).
    RowsQuery(RowsQueryEvent<'a>),
    /// GTID_LOG_EVENT (33) and GTID_TAGGED_LOG_EVENT (42).
    Gtid(GtidEvent<'a>),
    /// ANONYMOUS_GTID_LOG_EVENT (34).
    AnonymousGtid(GtidEvent<'a>),
    /// PREVIOUS_GTIDS_LOG_EVENT (35).
    PreviousGtids(PreviousGtidsEvent<'a>),
    /// TRANSACTION_CONTEXT_EVENT (36).
    TransactionContext(TransactionContextEvent<'a>),
    /// VIEW_CHANGE_EVENT (37).
    ViewChange(ViewChangeEvent<'a>),
    /// XA_PREPARE_LOG_EVENT (38).
    XaPrepare(XaPrepareEvent<'a>),
    /// TRANSACTION_PAYLOAD_EVENT (40).
    TransactionPayload(TransactionPayloadEvent<'a>),
    /// HEARTBEAT_LOG_EVENT_V2 (41).
    HeartbeatV2(HeartbeatV2Event<'a>),
    /// MariaDB ANNOTATE_ROWS_EVENT (160).
    AnnotateRows(RowsQueryEvent<'a>),
    /// MariaDB BINLOG_CHECKPOINT_EVENT (161).
    BinlogCheckpoint(BinlogCheckpointEvent<'a>),
    /// MariaDB GTID_EVENT (162).
    MariadbGtid(MariadbGtidEvent<'a>),
    /// MariaDB GTID_LIST_EVENT (163).
    MariadbGtidList(MariadbGtidListEvent<'a>),
    /// MariaDB START_ENCRYPTION_EVENT (164).
    StartEncryption(StartEncryptionEvent<'a>),
    /// MariaDB PARTIAL_ROW_DATA_EVENT (172).
    PartialRowData(PartialRowDataEvent<'a>),
    /// An event of a MariaDB binlog after START_ENCRYPTION: encrypted, not interpreted.
    Encrypted(EncryptedEvent<'a>),
    /// Any other type code, kept whole.
    Unknown(UnknownEvent<'a>),
}

impl Event<'_> {
    /// The logical kind of the event, in snake_case: `query`, `xid`, `rotate`,
    /// `format_description`, `table_map`, `write_rows`, `update_rows`, `delete_rows`,
    /// `gtid`, `anonymous_gtid`, `previous_gtids`, `transaction_payload`,
    /// `annotate_rows`, `mariadb_gtid`, `mariadb_gtid_list`, `unknown`, ...
    ///
    /// Versioned and compressed forms of an event share its kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::StartV3(_) => "start_v3",
            Event::Query(_) => "query",
            Event::Stop(_) => "stop",
            Event::Rotate(_) => "rotate",
            Event::Intvar(_) => "intvar",
            Event::Load(l) if l.new_format => "new_load",
            Event::Load(_) => "load",
            Event::Slave(_) => "slave",
            Event::CreateFile(_) => "create_file",
            Event::AppendBlock(_) => "append_block",
            Event::ExecLoad(_) => "exec_load",
            Event::DeleteFile(_) => "delete_file",
            Event::Rand(_) => "rand",
            Event::UserVar(_) => "user_var",
            Event::FormatDescription(_) => "format_description",
            Event::Xid(_) => "xid",
            Event::BeginLoadQuery(_) => "begin_load_query",
            Event::ExecuteLoadQuery(_) => "execute_load_query",
            Event::TableMap(_) => "table_map",
            Event::Rows(r) => r.kind.name(),
            Event::Incident(_) => "incident",
            Event::Heartbeat(_) => "heartbeat",
            Event::Ignorable(_) => "ignorable",
            Event::RowsQuery(_) => "rows_query",
            Event::Gtid(_) => "gtid",
            Event::AnonymousGtid(_) => "anonymous_gtid",
            Event::PreviousGtids(_) => "previous_gtids",
            Event::TransactionContext(_) => "transaction_context",
            Event::ViewChange(_) => "view_change",
            Event::XaPrepare(_) => "xa_prepare",
            Event::TransactionPayload(_) => "transaction_payload",
            Event::HeartbeatV2(_) => "heartbeat_v2",
            Event::AnnotateRows(_) => "annotate_rows",
            Event::BinlogCheckpoint(_) => "binlog_checkpoint",
            Event::MariadbGtid(_) => "mariadb_gtid",
            Event::MariadbGtidList(_) => "mariadb_gtid_list",
            Event::StartEncryption(_) => "start_encryption",
            Event::PartialRowData(_) => "partial_row_data",
            Event::Encrypted(_) => "encrypted",
            Event::Unknown(_) => "unknown",
        }
    }
}

/// Dispatches an event body to its parser. `data` is the event after the common header
/// and without its checksum.
pub(crate) fn parse_body<'a>(
    event_type: EventType,
    data: &'a [u8],
    cx: &crate::decoder::BodyContext<'_>,
) -> crate::parse::PResult<'a, Event<'a>> {
    let ph = cx.format.post_header_len(event_type);
    let ev = match event_type.0 {
        1 => Event::StartV3(format_description::parse_start_v3(data)?.1),
        2 => Event::Query(query::parse(data, ph, query::Form::Plain, cx.max_payload_size)?.1),
        3 => Event::Stop(stop::parse(data)?.1),
        4 => Event::Rotate(rotate::parse(data, ph)?.1),
        5 => Event::Intvar(intvar::parse(data)?.1),
        6 => Event::Load(load::parse_load(data, ph, false)?.1),
        7 => Event::Slave(slave::parse(data)?.1),
        8 => Event::CreateFile(load::parse_create_file(data, ph, cx.format)?.1),
        9 => Event::AppendBlock(load::parse_append_block(data, ph)?.1),
        10 => Event::ExecLoad(load::parse_file_id(data, ph)?.1),
        11 => Event::DeleteFile(load::parse_file_id(data, ph)?.1),
        12 => Event::Load(load::parse_load(data, ph, true)?.1),
        13 => Event::Rand(rand::parse(data)?.1),
        14 => Event::UserVar(user_var::parse(data)?.1),
        15 => Event::FormatDescription(format_description::parse(data, cx.checksum_aware_fde)?.1),
        16 => Event::Xid(xid::parse(data)?.1),
        17 => Event::BeginLoadQuery(load::parse_append_block(data, ph)?.1),
        18 => Event::ExecuteLoadQuery(
            query::parse(data, ph, query::Form::ExecuteLoad, cx.max_payload_size)?.1,
        ),
        19 => Event::TableMap(table_map::parse(data, ph)?.1),
        20..=25 | 30..=32 | 39 | 166..=171 => {
            Event::Rows(rows::parse(data, ph, event_type, cx.max_payload_size)?.1)
        }
        26 => Event::Incident(incident::parse(data, ph)?.1),
        27 => Event::Heartbeat(heartbeat::parse(data, cx.log_pos, cx.format.is_mariadb())?.1),
        28 => Event::Ignorable(UnknownEvent { body: data }),
        29 => Event::RowsQuery(rows_query::parse(data)?.1),
        33 => Event::Gtid(gtid::parse(data)?.1),
        34 => Event::AnonymousGtid(gtid::parse(data)?.1),
        35 => Event::PreviousGtids(previous_gtids::parse(data)?.1),
        36 => Event::TransactionContext(transaction_context::parse(data, ph)?.1),
        37 => Event::ViewChange(view_change::parse(data, ph)?.1),
        38 => Event::XaPrepare(xa_prepare::parse(data)?.1),
        40 => Event::TransactionPayload(transaction_payload::parse(data, ph)?.1),
        41 => Event::HeartbeatV2(heartbeat::parse_v2(data)?.1),
        42 => Event::Gtid(gtid::parse_tagged(data)?.1),
        160 => Event::AnnotateRows(rows_query::parse_annotate(data)?.1),
        161 => Event::BinlogCheckpoint(binlog_checkpoint::parse(data, ph)?.1),
        162 => Event::MariadbGtid(mariadb_gtid::parse(data, cx.server_id)?.1),
        163 => Event::MariadbGtidList(mariadb_gtid_list::parse(data)?.1),
        164 => Event::StartEncryption(start_encryption::parse(data)?.1),
        165 => {
            Event::Query(query::parse(data, ph, query::Form::Compressed, cx.max_payload_size)?.1)
        }
        172 => Event::PartialRowData(partial_row_data::parse(data)?.1),
        _ => Event::Unknown(UnknownEvent { body: data }),
    };
    Ok((&[], ev))
}
