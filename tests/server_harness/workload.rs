//! Random tables and statements: CREATE TABLE with random column lists, multi-row
//! INSERTs, single-row and range UPDATEs and DELETEs, some grouped in transactions.

use super::rng::Rng;
use super::types::{self, Ty};

/// One column of a generated table (after the `id` primary key).
#[derive(Clone, Debug)]
pub struct ColumnSpec {
    /// Its name (`c1`, `c2`, ...).
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// Whether it may be NULL.
    pub nullable: bool,
}

/// A generated table: `id INT UNSIGNED NOT NULL PRIMARY KEY`, then `columns`.
#[derive(Clone, Debug)]
pub struct TableSpec {
    /// The database.
    pub db: String,
    /// The table name.
    pub name: String,
    /// The columns after `id`.
    pub columns: Vec<ColumnSpec>,
    /// The storage engine.
    pub engine: &'static str,
}

impl TableSpec {
    /// `db.name`.
    pub fn qualified(&self) -> String {
        format!("{}.{}", self.db, self.name)
    }

    /// The CREATE TABLE statement.
    pub fn create(&self) -> String {
        let mut cols = vec!["id INT UNSIGNED NOT NULL PRIMARY KEY".to_owned()];
        for c in &self.columns {
            cols.push(format!(
                "{} {}{}",
                c.name,
                c.ty.sql(),
                if c.nullable { " NULL" } else { " NOT NULL" }
            ));
        }
        format!(
            "CREATE TABLE {} ({}) ENGINE={}",
            self.qualified(),
            cols.join(", "),
            self.engine
        )
    }

    /// The SELECT whose output [`super::compare::ServerTable::parse`] reads.
    pub fn select(&self) -> String {
        let mut exprs = vec!["CAST(id AS CHAR)".to_owned()];
        for c in &self.columns {
            for e in c.ty.select_exprs(&c.name) {
                exprs.push(format!("HEX({e})"));
            }
        }
        format!(
            "SELECT {} FROM {} ORDER BY id",
            exprs.join(", "),
            self.qualified()
        )
    }
}

/// What a workload did.
#[derive(Clone, Debug, Default)]
pub struct Workload {
    /// The tables.
    pub tables: Vec<TableSpec>,
    /// Every statement the server logs (DDL and DML), in execution order; BEGIN and
    /// COMMIT are in `script` only.
    pub logged: Vec<String>,
    /// The whole script fed to the client (statements separated by `;\n`).
    pub script: String,
    /// Rows inserted.
    pub inserted: usize,
    /// Row UPDATE statements.
    pub updates: usize,
    /// Row DELETE statements.
    pub deletes: usize,
    /// Statements that are unsafe for statement logging (MIXED logs them as rows).
    pub unsafe_statements: Vec<String>,
}

impl Workload {
    fn push(&mut self, statement: String) {
        self.script.push_str(&statement);
        self.script.push_str(";\n");
        self.logged.push(statement);
    }

    fn push_unlogged(&mut self, statement: &str) {
        self.script.push_str(statement);
        self.script.push_str(";\n");
    }
}

/// Parameters of a workload.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Tables to create.
    pub tables: usize,
    /// Rows to insert in each.
    pub rows: usize,
    /// Add statements that are unsafe for statement logging (for MIXED).
    pub unsafe_statements: bool,
}

/// A random workload in database `db`: creates it and its tables (every variant family
/// dealt over the tables, plus random extra columns), inserts, updates and deletes.
pub fn generate(rng: &mut Rng, db: &str, shape: Shape) -> Workload {
    let mut w = Workload::default();
    w.push(format!("CREATE DATABASE {db}"));
    let mut families: Vec<usize> = (0..types::FAMILIES).collect();
    // Fisher-Yates.
    for i in (1..families.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        families.swap(i, j);
    }
    for t in 0..shape.tables {
        let mut picks: Vec<usize> = families
            .iter()
            .copied()
            .skip(t)
            .step_by(shape.tables)
            .collect();
        for _ in 0..rng.below(4) {
            picks.push(rng.below(types::FAMILIES as u64) as usize);
        }
        let columns = picks
            .iter()
            .enumerate()
            .map(|(i, &family)| ColumnSpec {
                name: format!("c{}", i + 1),
                ty: types::draw(family, rng),
                nullable: rng.chance(2, 3),
            })
            .collect();
        let table = TableSpec {
            db: db.to_owned(),
            name: format!("t{}", t + 1),
            columns,
            engine: if rng.chance(1, 5) { "MyISAM" } else { "InnoDB" },
        };
        w.push(table.create());
        w.tables.push(table);
    }

    // Inserts, in multi-row batches; some batches inside BEGIN ... COMMIT.
    let mut live: Vec<Vec<u32>> = vec![Vec::new(); shape.tables];
    for (t, ids) in live.iter_mut().enumerate() {
        let table = w.tables[t].clone();
        let mut next_id = 1u32;
        while (next_id as usize) <= shape.rows {
            let n = (rng.range(1, 40) as usize).min(shape.rows + 1 - next_id as usize);
            let txn = rng.chance(1, 4);
            if txn {
                w.push_unlogged("BEGIN");
            }
            let rows: Vec<String> = (0..n)
                .map(|_| {
                    let id = next_id;
                    next_id += 1;
                    ids.push(id);
                    let mut values = vec![id.to_string()];
                    values.extend(table.columns.iter().map(|c| value(rng, c)));
                    format!("({})", values.join(", "))
                })
                .collect();
            let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
            w.push(format!(
                "INSERT INTO {} (id, {}) VALUES {}",
                table.qualified(),
                names.join(", "),
                rows.join(", ")
            ));
            w.inserted += n;
            if txn {
                w.push_unlogged("COMMIT");
            }
        }
    }

    // Updates and deletes over all tables, interleaved.
    let changes = shape.rows * shape.tables * 2 / 5;
    for _ in 0..changes {
        let t = rng.below(shape.tables as u64) as usize;
        if live[t].is_empty() {
            continue;
        }
        let table = w.tables[t].clone();
        let pick = live[t][rng.below(live[t].len() as u64) as usize];
        let txn = rng.chance(1, 8);
        if txn {
            w.push_unlogged("BEGIN");
        }
        match rng.below(10) {
            0..=5 => {
                // One row, one to three columns.
                let n = rng.range(1, 3) as usize;
                let sets: Vec<String> = (0..n)
                    .map(|_| {
                        let c = rng.pick(&table.columns);
                        format!("{} = {}", c.name, value(rng, c))
                    })
                    .collect();
                w.push(format!(
                    "UPDATE {} SET {} WHERE id = {pick}",
                    table.qualified(),
                    sets.join(", ")
                ));
                w.updates += 1;
            }
            6 => {
                let c = rng.pick(&table.columns);
                let hi = pick + rng.range(1, 12) as u32;
                w.push(format!(
                    "UPDATE {} SET {} = {} WHERE id BETWEEN {pick} AND {hi}",
                    table.qualified(),
                    c.name,
                    value(rng, c)
                ));
                w.updates += 1;
            }
            7 | 8 => {
                w.push(format!(
                    "DELETE FROM {} WHERE id = {pick}",
                    table.qualified()
                ));
                live[t].retain(|&id| id != pick);
                w.deletes += 1;
            }
            _ => {
                let hi = pick + rng.range(1, 5) as u32;
                w.push(format!(
                    "DELETE FROM {} WHERE id BETWEEN {pick} AND {hi}",
                    table.qualified()
                ));
                live[t].retain(|&id| id < pick || id > hi);
                w.deletes += 1;
            }
        }
        if shape.unsafe_statements && rng.chance(1, 20) {
            // LIMIT without ORDER BY: which rows is up to the engine, so MIXED logs rows.
            let c = rng.pick(&table.columns);
            let statement = format!(
                "UPDATE {} SET {} = {} WHERE id > {pick} LIMIT 2",
                table.qualified(),
                c.name,
                value(rng, c)
            );
            w.unsafe_statements.push(statement.clone());
            w.push(statement);
        }
        if txn {
            w.push_unlogged("COMMIT");
        }
    }
    w
}

/// A random value of column `c`: NULL sometimes when nullable.
fn value(rng: &mut Rng, c: &ColumnSpec) -> String {
    if c.nullable && rng.chance(1, 6) {
        "NULL".into()
    } else {
        c.ty.literal(rng)
    }
}
