//! Worker voice in fifteen languages (issue #20): English, Spanish, French and
//! the twelve corridor languages. The public report and check pages render in
//! each (right to left for Arabic and Urdu), the language links name each
//! language in itself, every file has every English message, and the staff who
//! choose a channel's languages see how each was translated (API and portal).
//! Run on SQLite and on PostgreSQL
//! (`FAIRHIRE_TEST_DATABASE_URL=… cargo test --test api voice_languages`).

use serde_json::{Value, json};

use crate::{
    helpers::{Company, TestApp, spawn_app},
    portal_flow::Portal,
};

/// (code, report page title, check page title, the language's own name, the
/// Unicode block its letters come from).
type Language = (&'static str, &'static str, &'static str, &'static str, Block);

/// The first and last letter of a Unicode block.
type Block = (char, char);

/// One row per language. Titles are copied from the files by
/// hand, so a file that is not compiled in, or a page that falls back to
/// English, fails here.
const LANGUAGES: [Language; 15] = [
    (
        "en",
        "Report a problem at work",
        "Check your case",
        "English",
        ('a', 'z'),
    ),
    (
        "es",
        "Informar de un problema en el trabajo",
        "Consultar su caso",
        "Español",
        ('a', 'z'),
    ),
    (
        "fr",
        "Signaler un problème au travail",
        "Suivre votre dossier",
        "Français",
        ('a', 'z'),
    ),
    (
        "ne",
        "कामको ठाउँमा भएको समस्या बताउनुहोस्",
        "आफ्नो मुद्दा हेर्नुहोस्",
        "नेपाली",
        ('\u{0900}', '\u{097F}'),
    ),
    (
        "bn",
        "কাজের জায়গার সমস্যা জানান",
        "আপনার কেস দেখুন",
        "বাংলা",
        ('\u{0980}', '\u{09FF}'),
    ),
    (
        "my",
        "အလုပ်ခွင်ရှိ ပြဿနာကို တိုင်ကြားပါ",
        "သင့်အမှုကို စစ်ကြည့်ပါ",
        "မြန်မာ",
        ('\u{1000}', '\u{109F}'),
    ),
    (
        "id",
        "Laporkan masalah di tempat kerja",
        "Periksa kasus Anda",
        "Bahasa Indonesia",
        ('a', 'z'),
    ),
    (
        "tl",
        "Mag-ulat ng problema sa trabaho",
        "Tingnan ang inyong kaso",
        "Tagalog",
        ('a', 'z'),
    ),
    (
        "hi",
        "काम की जगह की समस्या बताएँ",
        "अपना केस देखें",
        "हिन्दी",
        ('\u{0900}', '\u{097F}'),
    ),
    (
        "ur",
        "کام کی جگہ پر مسئلے کی اطلاع دیں",
        "اپنا کیس دیکھیں",
        "اردو",
        ('\u{0600}', '\u{06FF}'),
    ),
    (
        "ar",
        "أبلغ عن مشكلة في العمل",
        "تابع حالتك",
        "العربية",
        ('\u{0600}', '\u{06FF}'),
    ),
    (
        "vi",
        "Báo cáo vấn đề tại nơi làm việc",
        "Xem vụ việc của bạn",
        "Tiếng Việt",
        ('\u{1EA0}', '\u{1EFF}'),
    ),
    (
        "km",
        "រាយការណ៍បញ្ហានៅកន្លែងធ្វើការ",
        "ពិនិត្យករណីរបស់អ្នក",
        "ភាសាខ្មែរ",
        ('\u{1780}', '\u{17FF}'),
    ),
    (
        "si",
        "රැකියා ස්ථානයේ ගැටලුවක් වාර්තා කරන්න",
        "ඔබේ සිද්ධිය බලන්න",
        "සිංහල",
        ('\u{0D80}', '\u{0DFF}'),
    ),
    (
        "am",
        "በሥራ ቦታ ያለ ችግርን ያሳውቁ",
        "ጉዳይዎን ይመልከቱ",
        "አማርኛ",
        ('\u{1200}', '\u{137F}'),
    ),
];

fn direction(code: &str) -> &'static str {
    if matches!(code, "ar" | "ur") { "rtl" } else { "ltr" }
}

/// A company with one supplier site whose channel offers every language
/// (`locales` left out: all of them).
async fn channel_in_every_language(app: &TestApp) -> (Company, Value) {
    let company = app.registered_company().await;
    let supplier = app
        .create_supplier(
            &company,
            &json!({"name": "Klang Gloves Sdn Bhd", "country": "MY", "sector": "electronics", "contact_email": "contact@knit.example"}),
        )
        .await;
    assert_eq!(supplier.status(), 201);
    let supplier: Value = supplier.json().await.unwrap();
    let opened = app
        .post_json(
            &format!("/companies/{}/voice/channels", company.id),
            Some(&company.token),
            &json!({"supplier_id": supplier["id"]}),
        )
        .await;
    assert_eq!(opened.status(), 201);
    (company, opened.json().await.unwrap())
}

async fn page(app: &TestApp, path: &str, accept_language: Option<&str>) -> (u16, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(header) = accept_language {
        request = request.header("accept-language", header);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// What every worker-voice page must show in `code`.
fn assert_speaks(html: &str, code: &str, title: &str, letters: Block, what: &str) {
    let dir = direction(code);
    assert!(
        html.contains(&format!("<html lang=\"{code}\" dir=\"{dir}\">")),
        "{what} {code}: lang and dir"
    );
    assert!(
        html.contains(&format!("<title>{title}</title>")),
        "{what} {code}: title"
    );
    assert!(
        html.contains(&format!("<h1>{title}</h1>")),
        "{what} {code}: heading"
    );
    let body = html.split("<main").nth(1).unwrap_or_default();
    assert!(
        body.chars()
            .filter(|c| (letters.0..=letters.1).contains(c))
            .count()
            >= 20,
        "{what} {code}: the page's words are in the language's script"
    );
}

#[tokio::test]
async fn voice_languages_each_language_renders_the_report_and_check_pages() {
    let app = spawn_app().await;
    let (_, channel) = channel_in_every_language(&app).await;
    let token = channel["token"].as_str().unwrap();
    for (code, title, check_title, name, letters) in LANGUAGES {
        let (status, html) = page(&app, &format!("/v/{token}?lang={code}"), None).await;
        assert_eq!(status, 200, "report {code}");
        assert_speaks(&html, code, title, letters, "report");
        // The channel offers every language: each link says its name in itself,
        // marked with its own language and direction.
        for (other, _, _, other_name, _) in LANGUAGES {
            let link = format!(
                "href=\"/v/{token}?lang={other}\" lang=\"{other}\" dir=\"{}\" hreflang=\"{other}\"",
                direction(other)
            );
            let at = html
                .find(&link)
                .unwrap_or_else(|| panic!("report {code}: link to {other}"));
            assert!(
                html[at..].split("</a>").next().unwrap().ends_with(other_name),
                "report {code}: {other} is called {other_name}"
            );
        }
        assert!(
            html.contains(&format!("aria-current=\"true\">{name}</a>")),
            "report {code}: current"
        );
        // The free-text fields follow what the worker types; the code fields stay Latin.
        assert!(
            html.contains("name=\"description\" dir=\"auto\""),
            "report {code}"
        );
        assert!(
            html.contains(&format!("name=\"lang\" value=\"{code}\"")),
            "report {code}: the form keeps the language"
        );

        let (status, html) = page(&app, &format!("/v/check?lang={code}"), None).await;
        assert_eq!(status, 200, "check {code}");
        assert_speaks(&html, code, check_title, letters, "check");
        assert!(
            html.contains("name=\"code\" type=\"text\" dir=\"ltr\""),
            "check {code}: the case code is typed left to right"
        );
    }
}

#[tokio::test]
async fn voice_languages_the_phone_language_picks_the_page_and_filipino_gets_tagalog() {
    let app = spawn_app().await;
    let (_, channel) = channel_in_every_language(&app).await;
    let token = channel["token"].as_str().unwrap();
    for (header, code) in [
        ("fil-PH, en;q=0.5", "tl"),
        ("ar-QA", "ar"),
        ("ur-PK,en;q=0.8", "ur"),
        ("ne-NP", "ne"),
        ("km-KH", "km"),
    ] {
        let (status, html) = page(&app, &format!("/v/{token}"), Some(header)).await;
        assert_eq!(status, 200);
        let (_, title, _, _, letters) = LANGUAGES.iter().find(|l| l.0 == code).copied().unwrap();
        assert_speaks(&html, code, title, letters, header);
    }
    let (status, html) = page(&app, &format!("/v/{token}?lang=xx"), None).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<html lang=\"en\" dir=\"ltr\">"),
        "an unknown language is English"
    );
}

#[tokio::test]
async fn voice_languages_every_file_has_every_english_message() {
    let catalog = domain::voice::i18n::catalog();
    let shipped = catalog.languages();
    for (code, ..) in LANGUAGES {
        assert!(shipped.contains(&code), "{code} is compiled in");
    }
    let problems = catalog.audit(&[
        "language-name",
        "language-direction",
        "translation-method",
        "translation-reviewed",
        "poster-title",
        "poster-step1",
        "poster-step2",
        "poster-step3",
        "poster-anonymous",
    ]);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn voice_languages_staff_see_each_languages_translation_status() {
    let app = spawn_app().await;
    let (company, channel) = channel_in_every_language(&app).await;

    // API: the list to choose from, and the channel's own languages.
    assert_eq!(app.get_api("/voice/languages", None).await.status(), 401);
    let listed = app.get_api("/voice/languages", Some(&company.token)).await;
    assert_eq!(listed.status(), 200);
    let listed: Vec<Value> = listed.json().await.unwrap();
    assert_eq!(listed.len(), 15);
    assert_eq!(listed[0]["code"], "en");
    assert_eq!(listed[0]["translation_method"], "source");
    for (code, _, _, name, _) in LANGUAGES {
        let entry = listed
            .iter()
            .find(|l| l["code"] == code)
            .unwrap_or_else(|| panic!("{code}"));
        assert_eq!(entry["name"], name, "{code}");
        assert_eq!(entry["direction"], direction(code), "{code}");
        if !matches!(code, "en" | "es" | "fr") {
            assert_eq!(entry["translation_method"], "machine", "{code}");
            assert_eq!(entry["native_review"], "no", "{code}");
        }
    }
    assert_eq!(channel["locales"].as_array().unwrap().len(), 15);
    let nepali = channel["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "ne")
        .unwrap();
    assert_eq!(nepali["name"], "नेपाली");
    assert_eq!(nepali["translation_method"], "machine");
    assert_eq!(nepali["native_review"], "no");

    // Portal: the worker-voice page lists the same, in the staff's language.
    let admin = Portal::new(&app, "en");
    admin.login(&company.email, "a-long-password-1").await;
    let voice = admin.get(&format!("/companies/{}/voice", company.id)).await;
    assert_eq!(voice.status, 200);
    let row = |code: &str| -> String {
        let start = voice
            .body
            .find(&format!("<tr id=\"language-{code}\">"))
            .unwrap_or_else(|| panic!("row {code}: {}", voice.body));
        voice.body[start..].split("</tr>").next().unwrap().to_string()
    };
    assert!(
        row("ne").contains("machine translation, not reviewed by a native speaker"),
        "{}",
        row("ne")
    );
    assert!(
        row("ar").contains("lang=\"ar\" dir=\"rtl\">العربية<"),
        "{}",
        row("ar")
    );
    assert!(
        row("en").contains("source text, native review unknown"),
        "{}",
        row("en")
    );
    assert!(row("es").contains("machine-assisted translation, not reviewed by a native speaker"));
    let french = Portal::new(&app, "fr");
    french.login(&company.email, "a-long-password-1").await;
    let voice = french.get(&format!("/companies/{}/voice", company.id)).await;
    assert!(
        voice
            .body
            .contains("traduction automatique, non relue par un locuteur natif")
    );
}
