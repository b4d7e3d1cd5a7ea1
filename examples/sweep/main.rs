use binlogkit::*;
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let bytes = if path.ends_with(".gz") {
            use std::io::Read;
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .unwrap();
            out
        } else {
            bytes
        };
        let mut n = 0;
        let mut unknown = vec![];
        let mut inner = 0;
        match BinlogReader::new(&bytes) {
            Err(e) => {
                println!("{path}: OPEN ERROR {e}");
                continue;
            }
            Ok(mut r) => loop {
                match r.next_event() {
                    Ok(Some(ev)) => {
                        n += 1;
                        if let Event::Unknown(_) = ev.event {
                            unknown.push(ev.header.event_type.0);
                        }
                        if let Event::TransactionPayload(p) = &ev.event {
                            let _ = p;
                            let mut it = r.decoder_mut().payload_events(&ev).unwrap();
                            loop {
                                match it.next_event() {
                                    Ok(Some(_)) => inner += 1,
                                    Ok(None) => break,
                                    Err(e) => {
                                        println!("{path}: PAYLOAD ERROR {e}");
                                        break;
                                    }
                                }
                            }
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        println!("{path}: ERROR after {n} events: {e}");
                        break;
                    }
                }
            },
        }
        if !unknown.is_empty() {
            unknown.dedup();
            println!("{path}: unknown {:?}", unknown);
        }
        let _ = inner;
    }
}
