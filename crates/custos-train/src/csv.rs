//! A small RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes). Enough for the staged data
//! sets; keeps the trainer free of another dependency.

/// Parses `input` into records of fields.
pub fn parse(input: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = input.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => in_quotes = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_commas_and_newlines() {
        let rows = super::parse("a,b\r\n\"x, \"\"y\"\"\nz\",2\nlast,");
        assert_eq!(rows, vec![vec!["a", "b"], vec!["x, \"y\"\nz", "2"], vec!["last", ""]]);
    }
}
