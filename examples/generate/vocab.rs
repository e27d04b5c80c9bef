//! The words generated catalogs are made of: personal-data fields, headings, qualifiers, products and
//! the sentences of conditions, in English and Swedish. No text holds `&`, `*` or `!`, so the loader's
//! alias guard is not triggered (as in the built-in catalog).

/// What a field or a heading is about, so that a heading's items are mostly fields of its kind.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Hardware,
    User,
    App,
    Audit,
    Network,
    Usage,
    Security,
    Billing,
}

/// A field of personal data: its id stem and its name in lower case, as it reads inside a sentence.
pub struct Field {
    pub slug: &'static str,
    pub en: &'static str,
    pub sv: &'static str,
    pub kind: Kind,
}

const fn field(slug: &'static str, en: &'static str, sv: &'static str, kind: Kind) -> Field {
    Field { slug, en, sv, kind }
}

#[rustfmt::skip]
pub const FIELDS: &[Field] = &[
    field("device-name", "device name", "enhetsnamn", Kind::Hardware),
    field("serial-number", "serial number", "serienummer", Kind::Hardware),
    field("imei", "IMEI number", "IMEI-nummer", Kind::Hardware),
    field("meid", "MEID number", "MEID-nummer", Kind::Hardware),
    field("iccid", "ICCID", "ICCID", Kind::Hardware),
    field("manufacturer", "manufacturer", "tillverkare", Kind::Hardware),
    field("model", "device model", "enhetsmodell", Kind::Hardware),
    field("os-version", "operating system version", "operativsystemversion", Kind::Hardware),
    field("battery-level", "battery level", "batterinivå", Kind::Hardware),
    field("storage-capacity", "storage capacity", "lagringskapacitet", Kind::Hardware),
    field("free-storage", "free storage space", "ledigt lagringsutrymme", Kind::Hardware),
    field("device-id", "device ID", "enhets-ID", Kind::Hardware),
    field("phone-number", "phone number", "telefonnummer", Kind::User),
    field("email-address", "email address", "e-postadress", Kind::User),
    field("upn", "user principal name", "användarens huvudnamn", Kind::User),
    field("display-name", "display name", "visningsnamn", Kind::User),
    field("owner-name", "owner name", "ägarens namn", Kind::User),
    field("full-name", "first and last name", "för- och efternamn", Kind::User),
    field("job-title", "job title", "befattning", Kind::User),
    field("department", "department", "avdelning", Kind::User),
    field("office-location", "office location", "kontorsplats", Kind::User),
    field("manager-name", "manager name", "chefens namn", Kind::User),
    field("language", "language setting", "språkinställning", Kind::User),
    field("time-zone", "time zone", "tidszon", Kind::User),
    field("app-name", "app name", "appnamn", Kind::App),
    field("app-version", "app version", "appversion", Kind::App),
    field("app-id", "app ID", "app-ID", Kind::App),
    field("install-location", "installation location", "installationsplats", Kind::App),
    field("app-size", "app size", "appstorlek", Kind::App),
    field("app-icon", "app icon", "appikon", Kind::App),
    field("bundle-id", "bundle identifier", "paketidentifierare", Kind::App),
    field("app-install-date", "installation date", "installationsdatum", Kind::App),
    field("audit-event", "audit event", "granskningshändelse", Kind::Audit),
    field("sign-in-time", "sign-in time", "inloggningstid", Kind::Audit),
    field("sign-in-location", "sign-in location", "inloggningsplats", Kind::Audit),
    field("remote-action", "remote action", "fjärråtgärd", Kind::Audit),
    field("policy-assignment", "policy assignment", "principtilldelning", Kind::Audit),
    field("role-change", "role change", "rolländring", Kind::Audit),
    field("deleted-object", "deleted object", "borttaget objekt", Kind::Audit),
    field("ip-address", "IP address", "IP-adress", Kind::Network),
    field("wifi-mac", "Wi-Fi MAC address", "Wi-Fi-MAC-adress", Kind::Network),
    field("ethernet-mac", "Ethernet MAC address", "Ethernet-MAC-adress", Kind::Network),
    field("bluetooth-address", "Bluetooth address", "Bluetooth-adress", Kind::Network),
    field("network-operator", "network operator", "nätoperatör", Kind::Network),
    field("roaming-state", "roaming state", "roamingstatus", Kind::Network),
    field("vpn-profile", "VPN profile", "VPN-profil", Kind::Network),
    field("location", "location", "plats", Kind::Network),
    field("gps-coordinates", "GPS coordinates", "GPS-koordinater", Kind::Network),
    field("usage-counter", "usage counter", "användningsräknare", Kind::Usage),
    field("feature-use-count", "number of times a feature is used", "antal gånger en funktion används", Kind::Usage),
    field("crash-report", "crash report", "kraschrapport", Kind::Usage),
    field("error-code", "error code", "felkod", Kind::Usage),
    field("response-time", "response time", "svarstid", Kind::Usage),
    field("session-id", "session ID", "sessions-ID", Kind::Usage),
    field("completion-rate", "completion rate", "slutförandefrekvens", Kind::Usage),
    field("compliance-state", "compliance state", "efterlevnadsstatus", Kind::Security),
    field("encryption-state", "encryption state", "krypteringsstatus", Kind::Security),
    field("certificate-thumbprint", "certificate thumbprint", "certifikatets tumavtryck", Kind::Security),
    field("private-key", "private key", "privat nyckel", Kind::Security),
    field("password-hash", "password hash", "lösenordshash", Kind::Security),
    field("recovery-key", "recovery key", "återställningsnyckel", Kind::Security),
    field("advertising-id", "advertising identifier", "annonsidentifierare", Kind::Security),
    field("tenant-id", "tenant ID", "klientorganisations-ID", Kind::Billing),
    field("account-id", "account ID", "konto-ID", Kind::Billing),
    field("billing-address", "billing address", "faktureringsadress", Kind::Billing),
    field("payment-data", "payment data", "betalningsdata", Kind::Billing),
    field("subscription-key", "subscription key", "prenumerationsnyckel", Kind::Billing),
    field("support-ticket", "support ticket", "supportärende", Kind::Billing),
    field("contact-information", "contact information", "kontaktinformation", Kind::Billing),
];

/// A heading that items are listed under.
pub struct Topic {
    pub slug: &'static str,
    pub en: &'static str,
    pub sv: &'static str,
    pub kind: Kind,
}

const fn topic(slug: &'static str, en: &'static str, sv: &'static str, kind: Kind) -> Topic {
    Topic { slug, en, sv, kind }
}

#[rustfmt::skip]
pub const TOPICS: &[Topic] = &[
    topic("hardware-inventory", "Hardware inventory information", "Information om maskinvaruinventering", Kind::Hardware),
    topic("device-identifiers", "Device identifiers", "Enhetsidentifierare", Kind::Hardware),
    topic("user-information", "User information", "Användarinformation", Kind::User),
    topic("directory-profile", "Directory profile", "Katalogprofil", Kind::User),
    topic("app-inventory", "Application inventory", "Programinventering", Kind::App),
    topic("managed-apps", "Managed application information", "Information om hanterade program", Kind::App),
    topic("audit-log", "Audit log information", "Information om spårningslogg", Kind::Audit),
    topic("admin-activity", "Administrator activity", "Administratörsaktivitet", Kind::Audit),
    topic("network-information", "Network information", "Nätverksinformation", Kind::Network),
    topic("location-data", "Location data", "Platsdata", Kind::Network),
    topic("usage-counters", "Usage counters", "Användningsräknare", Kind::Usage),
    topic("diagnostics", "Diagnostic and performance data", "Diagnostik- och prestandadata", Kind::Usage),
    topic("security-events", "Security events", "Säkerhetshändelser", Kind::Security),
    topic("access-control", "Access control information", "Information om åtkomstkontroll", Kind::Security),
    topic("billing", "Billing information", "Faktureringsinformation", Kind::Billing),
    topic("support", "Support information", "Supportinformation", Kind::Billing),
];

/// Words after a field name: `(English, Swedish)`.
#[rustfmt::skip]
pub const QUALIFIERS: &[(&str, &str)] = &[
    ("reported at enrollment", "som rapporteras vid registrering"),
    ("of the primary user", "för den primära användaren"),
    ("for managed apps", "för hanterade appar"),
    ("(last known value)", "(senast kända värde)"),
    ("per work profile", "per arbetsprofil"),
    ("from the compliance check", "från efterlevnadskontrollen"),
    ("of the managed device", "för den hanterade enheten"),
    ("collected during check-in", "som samlas in vid incheckning"),
    ("for shared devices", "för delade enheter"),
    ("in the audit log", "i spårningsloggen"),
    ("sent with diagnostics", "som skickas med diagnostikdata"),
    ("of the administrator", "för administratören"),
    ("for each tenant", "för varje klientorganisation"),
    ("history (30 days)", "historik (30 dagar)"),
    ("at the last sync", "vid senaste synkroniseringen"),
    ("of the enrolled device", "för den registrerade enheten"),
    ("as seen by the gateway", "enligt nätverksgatewayen"),
    ("in kiosk mode", "i kioskläge"),
    ("on personal devices", "på personliga enheter"),
    ("on corporate devices", "på företagsägda enheter"),
];

/// Products that headings and items name, so that names vary as in a real document.
pub const PRODUCTS: &[&str] = &[
    "Contoso Mail",
    "Fabrikam VPN",
    "Northwind CRM",
    "Tailspin Notes",
    "Litware Chat",
    "Adatum Drive",
    "Woodgrove Pay",
    "Proseware Maps",
    "Wingtip Photos",
    "Alpine Browser",
    "Coho Fitness",
    "Humongous Games",
    "Lucerne News",
    "Margie Travel",
    "Trey Calendar",
    "Wide World Tasks",
    "Blue Yonder Meet",
    "Fourth Coffee Rewards",
    "Relecloud Backup",
    "VanArsdel Scanner",
    "Bellows Print",
    "Munson Forms",
    "Southridge Video",
    "Consolidated Messenger",
    "Datum Sync",
    "Fabrikam Authenticator",
    "Contoso Wallet",
    "Northwind Kiosk",
];

/// A scenario dimension: id, name and values `(id, English, Swedish)`.
pub struct Dimension {
    pub id: &'static str,
    pub en: &'static str,
    pub sv: &'static str,
    pub values: &'static [(&'static str, &'static str, &'static str)],
}

const YES_NO: &[(&str, &str, &str)] = &[("yes", "Yes", "Ja"), ("no", "No", "Nej")];

#[rustfmt::skip]
pub const DIMENSIONS: &[Dimension] = &[
    Dimension { id: "ownership", en: "Ownership", sv: "Ägarskap", values: &[
        ("corporate", "Corporate-owned device", "Företagsägd enhet"),
        ("personal", "Personal device", "Personlig enhet"),
    ] },
    Dimension { id: "enrolled", en: "Enrolled for management", sv: "Registrerad för hantering", values: YES_NO },
    Dimension { id: "compliant-app", en: "Compliant-app feature", sv: "Funktionen för kompatibel app", values: &[
        ("on", "Turned on", "Aktiverad"),
        ("off", "Turned off", "Inte aktiverad"),
    ] },
    Dimension { id: "telemetry", en: "Diagnostic data level", sv: "Nivå för diagnostikdata", values: &[
        ("basic", "Basic", "Grundläggande"),
        ("enhanced", "Enhanced", "Utökad"),
        ("full", "Full", "Fullständig"),
    ] },
    Dimension { id: "region", en: "Tenant region", sv: "Klientorganisationens region", values: &[
        ("eu", "European Union", "Europeiska unionen"),
        ("us", "United States", "USA"),
        ("other", "Other", "Annan"),
    ] },
    Dimension { id: "third-party", en: "Third-party service connected", sv: "Tjänst från tredje part ansluten", values: YES_NO },
    Dimension { id: "platform", en: "Platform", sv: "Plattform", values: &[
        ("windows", "Windows", "Windows"),
        ("macos", "macOS", "macOS"),
        ("ios-ipados", "iOS/iPadOS", "iOS/iPadOS"),
        ("android", "Android", "Android"),
        ("linux", "Linux", "Linux"),
    ] },
    Dimension { id: "location-services", en: "Location services", sv: "Platstjänster", values: &[
        ("allowed", "Allowed", "Tillåtna"),
        ("denied", "Denied", "Nekade"),
    ] },
    Dimension { id: "shared", en: "Shared device", sv: "Delad enhet", values: YES_NO },
    Dimension { id: "linked", en: "Tied to a device or a user", sv: "Kopplad till en enhet eller en användare", values: YES_NO },
];

/// Purposes of headings: `(English, Swedish)`.
pub const PURPOSES: &[(&str, &str)] = &[
    (
        "The service uses this data to manage access to administrative roles and functions.",
        "Tjänsten använder dessa data för att hantera åtkomst till administrativa roller och funktioner.",
    ),
    (
        "Used to troubleshoot problems reported by the customer.",
        "Används för att felsöka problem som kunden rapporterar.",
    ),
    (
        "Used to detect and prevent fraud and abuse of the service.",
        "Används för att upptäcka och förhindra bedrägeri och missbruk av tjänsten.",
    ),
    (
        "Used to bill the customer for the service.",
        "Används för att fakturera kunden för tjänsten.",
    ),
];

/// Notes on headings and items: `(English, Swedish)`.
pub const NOTES: &[(&str, &str)] = &[
    (
        "This data is available from the admin console.",
        "Dessa data är tillgängliga från administrationskonsolen.",
    ),
    (
        "The English edition of the document lists this field under a different heading.",
        "Den engelska utgåvan av dokumentet listar detta fält under en annan rubrik.",
    ),
    (
        "The document does not say how long this data is kept.",
        "Dokumentet anger inte hur länge dessa data sparas.",
    ),
    (
        "Listed twice in the document; see the linked items.",
        "Listas två gånger i dokumentet; se de länkade objekten.",
    ),
];
