//! Limits that keep a hostile catalog from taking the machine: file size, alias expansion, tags and
//! nesting, checked before the typed parse.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

use crate::catalog::diagnostic::Diagnostic;

/// The largest catalog file privcat reads.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The most nodes a document may expand to once its aliases are followed.
pub const MAX_EXPANDED_NODES: usize = 4_000_000;
/// The most bytes of scalar text a document may expand to once its aliases are followed.
pub const MAX_EXPANDED_BYTES: usize = 128 * 1024 * 1024;
/// The deepest nesting of maps and lists accepted (a catalog needs about eight).
pub const MAX_DEPTH: usize = 64;

/// An error naming the file and the limit when it is larger than privcat reads.
pub fn check_size(name: &str, bytes: usize) -> Result<(), Diagnostic> {
    if bytes <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Diagnostic::file_error(
        name,
        format!(
            "the file is {:.1} MiB; privcat reads catalog files of at most {} MiB",
            mib(bytes),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    ))
}

#[allow(clippy::cast_precision_loss)]
fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Whether the text could hold an alias, an anchor or a tag, the only constructs this pass looks for.
/// Also true for flow nesting (`[`, `{`) deeper than [`MAX_DEPTH`]: the typed parser slows down
/// with the square of such depth, so this pass refuses it first. Quoted text is skipped roughly; a
/// false alarm only costs the exact pass.
pub fn needs_check(text: &str) -> bool {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote: Option<u8> = None;
    for &b in text.as_bytes() {
        match (quote, b) {
            (None, b'&' | b'*' | b'!') => return true,
            (None, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), c) if c == q => quote = None,
            (_, b'\n') if quote == Some(b'\'') => quote = None,
            _ => {}
        }
    }
    deepest > MAX_DEPTH
}

struct Open {
    anchor: usize,
    nodes: usize,
    bytes: usize,
}

/// Walks the YAML events once, counting what aliases would expand to, and refusing tags, several
/// documents and deep nesting; a syntax error is left to the typed parse, which reports it better.
pub fn check_structure(name: &str, text: &str) -> Result<(), Diagnostic> {
    let mut parser = Parser::new_from_str(text);
    let (mut nodes, mut bytes, mut documents) = (0usize, 0usize, 0usize);
    let mut anchored: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut open: Vec<Open> = Vec::new();
    let fail = |mark: yaml_rust2::scanner::Marker, message: String| {
        Diagnostic::file_error(name, message).with_position(mark.line(), mark.col() + 1)
    };
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            // What this parser cannot read, the typed parse might read differently: refuse it here, so
            // that no alias escapes the count.
            Err(e) => {
                let message = if e.info().contains("recursion limit") {
                    format!("maps and lists nest deeper than {MAX_DEPTH} levels; a catalog needs far fewer")
                } else {
                    format!("the YAML cannot be read here: {}", e.info())
                };
                return Err(fail(*e.marker(), message));
            }
        };
        if let Event::Scalar(_, _, _, Some(tag))
        | Event::SequenceStart(_, Some(tag))
        | Event::MappingStart(_, Some(tag)) = &event
        {
            return Err(fail(
                mark,
                format!(
                    "YAML tags such as `{}{}` are not used in catalogs; remove it",
                    tag.handle, tag.suffix
                ),
            ));
        }
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(fail(mark, "the file holds several YAML documents (separated by `---`); a catalog file holds one".into()));
                }
            }
            Event::Scalar(value, _, anchor, _) => {
                nodes += 1;
                bytes += value.len();
                if anchor > 0 {
                    anchored.insert(anchor, (1, value.len()));
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if open.len() >= MAX_DEPTH {
                    return Err(fail(
                        mark,
                        format!(
                            "maps and lists nest deeper than {MAX_DEPTH} levels; a catalog needs far fewer"
                        ),
                    ));
                }
                open.push(Open { anchor, nodes, bytes });
                nodes += 1;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(o) = open.pop().filter(|o| o.anchor > 0) {
                    anchored.insert(o.anchor, (nodes - o.nodes, bytes - o.bytes));
                }
            }
            Event::Alias(id) => {
                let (n, b) = anchored.get(&id).copied().unwrap_or((1, 0));
                nodes = nodes.saturating_add(n);
                bytes = bytes.saturating_add(b);
            }
            _ => {}
        }
        if nodes > MAX_EXPANDED_NODES || bytes > MAX_EXPANDED_BYTES {
            return Err(fail(
                mark,
                format!(
                    "YAML aliases here would expand the file to more than {} nodes or {} MiB; privcat refuses to expand it",
                    MAX_EXPANDED_NODES,
                    MAX_EXPANDED_BYTES / (1024 * 1024)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billion_laughs_is_refused_at_the_alias() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (i, prev) in ('b'..='j').zip('a'..='i') {
            let refs = vec![format!("*{prev}"); 10].join(",");
            let line = format!("{i}: &{i} [{refs}]\n");
            text.push_str(&line);
        }
        let d = check_structure("bomb.yaml", &text).unwrap_err();
        assert!(d.message.contains("aliases here would expand"), "{d}");
        assert!(d.line.is_some());
    }

    #[test]
    fn small_aliases_are_fine() {
        assert!(check_structure("ok.yaml", "a: &x {k: v}\nb: *x\nc: *x\n").is_ok());
    }

    #[test]
    fn tags_documents_and_depth_are_refused() {
        assert!(
            check_structure("t", "a: !custom x\n")
                .unwrap_err()
                .message
                .contains("YAML tags")
        );
        assert!(
            check_structure("d", "a: 1\n---\nb: 2\n")
                .unwrap_err()
                .message
                .contains("several YAML documents")
        );
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(
            check_structure("n", &deep)
                .unwrap_err()
                .message
                .contains("nest deeper")
        );
    }

    #[test]
    fn size_limit_names_the_limit() {
        let d = check_size("big.yaml", MAX_FILE_BYTES + 1).unwrap_err();
        assert!(d.message.contains("at most 64 MiB"), "{d}");
        assert!(check_size("ok.yaml", 10).is_ok());
    }
}
