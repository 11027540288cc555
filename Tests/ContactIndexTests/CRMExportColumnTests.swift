#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ContactIndex

/// Columns of real CRM exports that name something else than the record's own addresses,
/// numbers or country, and the choice among several country columns.
@Suite struct CRMExportColumnTests {
    func load(_ text: String, _ options: ContactCSVLoader.Options = .init()) throws -> (ContactDirectory, CSVLoadReport) {
        try ContactCSVLoader(options).load(bytes: Array(text.utf8))
    }

    /// An email column's words are an email word and qualifiers; the others are attributes:
    /// the owner's address, a display name, a domain, marketing figures.
    @Test(arguments: [
        ("Email", ContactCSVColumn.email(label: nil)),
        ("E-mail Address", .email(label: nil)),
        ("E-mail 2 Address", .email(label: nil)),
        ("E-mail 1 - Value", .email(label: nil)),
        ("E-mail 1 - Type", .label(forHeader: "email1value")),
        ("Additional email addresses", .email(label: nil)),
        ("Work Email", .email(label: nil)),
        ("workemail", .email(label: nil)),
        ("EmailAddress", .email(label: nil)),
        ("E-Mail-Adresse", .email(label: nil)),
        ("Person - Email - Work", .email(label: nil)),
        ("Owner Email", .attribute("Owner Email")),
        ("Owner.Email", .attribute("Owner.Email")),
        ("Created By Email", .attribute("Created By Email")),
        ("E-mail Display Name", .attribute("E-mail Display Name")),
        ("E-mail 2 Display Name", .attribute("E-mail 2 Display Name")),
        ("Email Domain", .attribute("Email Domain")),
        ("Marketing emails opened", .attribute("Marketing emails opened")),
        ("Unsubscribed from all email", .attribute("Unsubscribed from all email")),
        ("Last marketing email name", .attribute("Last marketing email name")),
        ("Email Opt Out", .attribute("Email Opt Out")),
        ("Owner Phone", .attribute("Owner Phone")),
        ("OWNERPHONE", .attribute("OWNERPHONE")),
        ("CREATEDBYEMAIL", .attribute("CREATEDBYEMAIL")),
        ("IPCOUNTRY", .attribute("IPCOUNTRY")),
        ("Business Phone", .phone(label: nil)),
        ("Account", .attribute("Account")),
        ("Account Name", .company),
        ("IP Country", .attribute("IP Country")),
        ("IP Country Code", .attribute("IP Country Code")),
        ("Country/Region", .region),
        ("Home Country/Region", .region),
        // European Outlook exports
        ("Vorname", .firstName),
        ("Nachname", .lastName),
        ("E-Mail-Adresse", .email(label: nil)),
        ("E-Mail 2: Adresse", .email(label: nil)),
        ("E-mailadres", .email(label: nil)),
        ("Adresse de messagerie", .email(label: nil)),
        ("Dirección de correo electrónico", .email(label: nil)),
        ("Telefon geschäftlich", .phone(label: nil)),
        ("Mobiltelefon", .phone(label: nil)),
        ("Téléphone bureau", .phone(label: nil)),
        ("Tél. mobile", .phone(label: nil)),
        ("Teléfono móvil", .phone(label: nil)),
        ("Fax geschäftlich", .attribute("Fax geschäftlich")),
        ("Firma", .company),
        ("Société", .company),
        ("Land/Region geschäftlich", .region),
        ("Pays/Région (domicile)", .region),
        ("País o región del trabajo", .region),
        ("Land", .region),
        ("Land Line", .attribute("Land Line")),
    ] as [(String, ContactCSVColumn)])
    func columnsOfTheRecordsOwn(header: String, expected: ContactCSVColumn) {
        #expect(ContactCSVHeaderMapping.guess(header) == expected)
    }

    /// A Salesforce report with the owner's address: searching the owner's address finds none
    /// of the contacts they own, and nothing is reported.
    @Test func theOwnersAddressIsNotTheContacts() throws {
        let csv = """
            Id,LastName,Email,Owner Email
            1,Hanks,tom@example.com,sam@acme.com
            2,Wilson,rita@example.com,sam@acme.com

            """
        let (directory, report) = try load(csv)
        #expect(report.problems.isEmpty)
        #expect(directory.lookup(email: "sam@acme.com").isEmpty)
        #expect(directory.lookup(email: "tom@example.com").map(\.contact.id) == ["1"])
        #expect(directory.contact(id: "2")?.attributes["Owner Email"] == "sam@acme.com")
    }

    /// Outlook's display-name columns hold names, not addresses: a strict load of an
    /// unmodified Outlook export succeeds.
    @Test func outlookDisplayNamesAreNotAddresses() throws {
        let csv = """
            First Name,Last Name,E-mail Address,E-mail Display Name,Company,Account
            Ingrid,Svensson,ingrid@example.se,"Svensson, Ingrid (ingrid@example.se)",Volvo AB,ACC-0042

            """
        var options = ContactCSVLoader.Options(synthesizesMissingIDs: true)
        options.strict = true
        let (directory, report) = try load(csv, options)
        #expect(report.problems.isEmpty)
        let ingrid = try #require(directory.search("Volvo").first?.contact)
        #expect(ingrid.company == "Volvo AB")
        #expect(ingrid.emails.map(\.raw) == ["ingrid@example.se"])
        #expect(ingrid.attributes["Account"] == "ACC-0042")
    }

    /// Several country columns: the row's phones take the best-ranked one that is filled,
    /// whatever the order of the columns (Data Loader writes OTHERCOUNTRY before MAILINGCOUNTRY,
    /// Outlook "Home Country/Region" before "Business Country/Region"); HubSpot's "IP Country"
    /// is where a visitor was seen, never the phones' region.
    @Test(arguments: [
        ("ID,LASTNAME,OTHERCOUNTRY,MAILINGCOUNTRY,MOBILEPHONE\n1,Schmidt,Austria,Germany,0171 9876543\n", "+491719876543"),
        ("ID,LASTNAME,OTHERCOUNTRY,MAILINGCOUNTRY,MOBILEPHONE\n1,Schmidt,Germany,,0171 9876543\n", "+491719876543"),
        ("Record ID,First Name,Phone Number,IP Country,Country/Region\n51,Olivia,020 7946 0958,united states,United Kingdom\n", "+442079460958"),
        ("ID,Last Name,Home Country/Region,Business Country/Region,Business Phone\n7,Dupont,Belgium,France,01 23 45 67 89\n", "+33123456789"),
        ("ID,Last Name,Address 2 - Country,Address 1 - Country,Phone 1 - Value\n8,Meyer,Austria,Germany,0171 2345678\n", "+491712345678"),
    ] as [(String, String)])
    func theBestCountryColumnSetsTheRegion(csv: String, e164: String) throws {
        let (directory, report) = try load(csv)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(Array(directory.contacts).first?.phones.first?.normalized?.e164 == e164)
        #expect(directory.lookup(phone: e164).count == 1)
    }

    /// Google Contacts joins the countries of addresses with one label by " ::: ": the first.
    @Test func aGoogleMultiValueCountryCellGivesItsFirstCountry() throws {
        let csv = """
            First Name,Last Name,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Country
            Klaus,Meyer,Mobile,0171 2345678,Home,Germany ::: Austria

            """
        let (directory, report) = try load(csv, ContactCSVLoader.Options(synthesizesMissingIDs: true))
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(Array(directory.contacts).first?.region == "DE")
        #expect(directory.lookup(phone: "+491712345678").count == 1)
    }

    /// A UTF-8 byte-order mark wins over a Windows-1252 setting (Excel's "CSV UTF-8"), and the
    /// report says so.
    @Test func aUTF8ByteOrderMarkWinsOverTheEncodingAskedFor() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,first_name,last_name\n1,Hans,Müller\n".utf8)
        let (directory, report) = try ContactCSVLoader(ContactCSVLoader.Options(encoding: .windows1252)).load(bytes: bytes)
        #expect(directory.contact(id: "1")?.lastName == "Müller")
        #expect(directory.lookup(fuzzyName: "Müller").first?.contact.id == "1")
        #expect(report.byteOrderMarkOverrodeEncoding)
        #expect(report.summary().contains("UTF-8 (byte-order mark)"))
        let (_, plain) = try ContactCSVLoader().load(bytes: bytes)
        #expect(!plain.byteOrderMarkOverrodeEncoding)
    }

    /// Entity cells are read without the spaces around them.
    /// A German Outlook export: its home and business countries ranked as the English ones.
    @Test func aGermanOutlookExportLoads() throws {
        let csv = """
            Vorname,Nachname,E-Mail-Adresse,Telefon geschäftlich,Mobiltelefon,Firma,Land/Region privat,Land/Region geschäftlich
            Jan,Novak,jan@example.cz,+420 212 345 678,0171 9876543,Beispiel GmbH,Tschechien,Deutschland

            """
        let (directory, report) = try load(csv)
        let jan = try #require(directory.lookup(email: "jan@example.cz").first?.contact)
        #expect(jan.firstName == "Jan")
        #expect(jan.lastName == "Novak")
        #expect(jan.company == "Beispiel GmbH")
        #expect(jan.region == "DE")
        #expect(jan.phones.compactMap { $0.normalized?.e164 } == ["+420212345678", "+491719876543"])
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func entitiesAreTrimmed() throws {
        let (directory, _) = try load("id,last_name,entity\n1,Lee, lead \n2,Kim,Lead\n")
        #expect(directory.contact(id: "1")?.entity == "lead")
        #expect(directory.contact(id: "1")?.entity == directory.contact(id: "2")?.entity)
    }
}

/// What a load that cannot start, or that strict mode refuses, says.
@Suite struct CSVLoadFailureTests {
    /// A directory given as the file: the read's error, not "no header row".
    @Test func aDirectoryIsUnreadable() {
        #expect {
            _ = try ContactCSVLoader().load(path: "/tmp")
        } throws: { error in
            guard case CSVLoadError.unreadable(let path, let code) = error else { return false }
            return path == "/tmp" && code == EISDIR && "\(error)".contains("Is a directory")
        }
    }

    /// The counts of a refused strict load add up, as those of any load do.
    @Test func aRefusedStrictLoadsCountsAddUp() {
        let csv = "id,last_name,phone\n1,Lee,+1 650 555 1000\n1,Lee,+1 650 555 1001\n,Kim,\n3,Ray,not a number\n"
        #expect {
            _ = try ContactCSVLoader(ContactCSVLoader.Options(strict: true)).load(bytes: Array(csv.utf8))
        } throws: { error in
            guard case CSVLoadError.problemsInStrictMode(let report) = error else { return false }
            return report.rowsRead == 4 && report.rowsUpdated == 1 && report.rowsRejected == 1 && report.rowsLoaded == 2
                && report.rowsRead == report.rowsLoaded + report.rowsUpdated + report.rowsRejected
        }
    }
}
