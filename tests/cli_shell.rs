//! What the command line gives the shell around it: the language from the locale, whole names on a
//! pipe, completions that offer facet values rather than file names, and a man page that names only
//! pages that exist.

use std::process::Command;

/// `privcat ARGS…` with only `vars` in its environment; (status, stdout).
fn run(args: &[&str], vars: &[(&str, &str)]) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_privcat"));
    command.args(args).env_clear().env("NO_COLOR", "1");
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn first_line(args: &[&str], vars: &[(&str, &str)]) -> String {
    run(args, vars).1.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn the_language_follows_lc_all_then_lc_messages_then_lang_and_lang_flag_wins() {
    const SV: &str = "IMEI-numret";
    const EN: &str = "IMEI number";
    let show = ["show", "imei"];
    assert_eq!(first_line(&show, &[("LANG", "sv_SE.UTF-8")]), SV);
    assert_eq!(
        first_line(&show, &[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "sv_SE.UTF-8")]),
        SV
    );
    assert_eq!(
        first_line(
            &show,
            &[
                ("LANG", "en_US.UTF-8"),
                ("LC_MESSAGES", "en_US.UTF-8"),
                ("LC_ALL", "sv_SE.UTF-8")
            ]
        ),
        SV
    );
    assert_eq!(
        first_line(&show, &[("LANG", "sv_SE.UTF-8"), ("LC_ALL", "C")]),
        EN,
        "LC_ALL decides even when it names no language privcat speaks"
    );
    assert_eq!(
        first_line(&show, &[("LC_ALL", "")]),
        EN,
        "an empty variable counts as unset"
    );
    assert_eq!(
        first_line(&["show", "imei", "--lang", "en"], &[("LC_ALL", "sv_SE.UTF-8")]),
        EN,
        "--lang wins"
    );
}

#[test]
fn search_on_a_pipe_gives_whole_names() {
    let (status, out) = run(&["search", "email discussions"], &[]);
    assert_eq!(status, 0);
    assert!(!out.contains('…'), "a name was cut:\n{out}");
    assert!(
        out.contains(
            "Email discussions with Microsoft support, product, and/or customer experience team members"
        ),
        "{out}"
    );
}

#[test]
fn bash_completion_offers_facet_values_not_file_names() {
    let (status, script) = run(&["completions", "bash"], &[]);
    assert_eq!(status, 0);
    for flag in [
        "--category",
        "--source",
        "--kind",
        "--party",
        "--subject",
        "--platform",
        "--document",
    ] {
        let case = format!("{flag})");
        let mut seen = 0;
        for (at, _) in script.match_indices(&case) {
            let body = &script[at..at + script[at..].find(";;").unwrap()];
            assert!(
                !body.contains("compgen -f"),
                "{flag} completes file names:\n{body}"
            );
            assert!(body.contains("compgen -W"), "{flag} offers no values:\n{body}");
            seen += 1;
        }
        assert!(seen > 0, "{flag} is not in the script");
    }
    let category = &script[script.find("--category)").unwrap()..];
    let line = category.lines().nth(1).unwrap();
    assert!(
        line.contains("identified") && line.contains("pseudonymized"),
        "{line}"
    );
    // Values that are not files offer none.
    for flag in ["--scenario", "--limit"] {
        for (at, _) in script.match_indices(&format!("{flag})")) {
            let body = &script[at..at + script[at..].find(";;").unwrap()];
            assert!(
                !body.contains("compgen -f"),
                "{flag} completes file names:\n{body}"
            );
        }
    }
    // Paths still complete as paths.
    let catalog = &script[script.find("--catalog)").unwrap()..];
    assert!(catalog.lines().nth(1).unwrap().contains("compgen -f"));
}

#[test]
fn other_shells_offer_facet_values_too() {
    let (_, zsh) = run(&["completions", "zsh"], &[]);
    let line = zsh
        .lines()
        .find(|l| l.contains("--category="))
        .expect("--category in zsh");
    assert!(line.contains("identified") && !line.contains("_files"), "{line}");
    let (_, fish) = run(&["completions", "fish"], &[]);
    let line = fish
        .lines()
        .find(|l| l.contains("-l category"))
        .expect("--category in fish");
    assert!(line.contains("identified"), "{line}");
}

#[test]
fn the_man_page_names_no_page_that_does_not_exist_and_documents_every_command() {
    let (status, page) = run(&["man"], &[]);
    assert_eq!(status, 0);
    assert!(!page.contains("(1)"), "a reference to another page");
    assert!(
        !page.contains("privcat\\-search"),
        "privcat-search(1) does not exist"
    );
    for command in [
        "search",
        "show",
        "answer",
        "list",
        "export",
        "validate",
        "diff",
        "completions",
    ] {
        assert!(
            page.contains(&format!(".SS \"privcat {command}\"")),
            "no section for {command}"
        );
    }
    let search = &page[page.find(".SS \"privcat search\"").unwrap()..];
    let search = &search[..search[1..].find(".SS").unwrap()];
    assert!(
        search.contains("\\-\\-limit"),
        "the command's options follow it:\n{search}"
    );
    assert!(page.contains("\\-\\-no\\-mouse") && page.contains("\\-\\-theme"));
}
