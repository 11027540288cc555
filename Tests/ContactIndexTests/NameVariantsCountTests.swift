@testable import ContactIndex
import Testing

/// `NameVariants.count(in:)` reads a stored record's names in place (the dead-key count of a
/// removed or renamed contact); it must count what `NameVariants.of` builds from the contact.
@Suite struct NameVariantsCountTests {
    static let contacts: [Contact] = [
        Contact(id: "1", firstName: "Ann", lastName: "Lee"),
        Contact(id: "2", firstName: "Ann", lastName: "Lee", displayName: "Ann Lee"),
        Contact(id: "3", firstName: "Ann", lastName: "Lee", displayName: "Lee Ann"),
        Contact(id: "4", firstName: "Ann", lastName: "Ann"),
        Contact(id: "5", firstName: "Ann"),
        Contact(id: "6", lastName: "Lee", displayName: "Lee"),
        Contact(id: "7", displayName: "Dr. Ann Lee"),
        Contact(id: "8"),
        Contact(id: "9", firstName: "혁중", lastName: "장"),
        Contact(id: "10", firstName: "혁중", lastName: "장", displayName: "장혁중"),
        Contact(id: "11", firstName: "太郎", lastName: "山田", displayName: "山田 太郎"),
        Contact(id: "12", firstName: "Иван", lastName: "Петров", displayName: "Петров Иван"),
        Contact(id: "13", firstName: "", lastName: "", displayName: ""),
        Contact(id: "14", firstName: "Mary Ann", lastName: "van der Berg"),
        Contact(id: "15", firstName: "Dr. John", lastName: "Smith"),
        Contact(id: "16", firstName: "Prof. Dr.  Anna Maria", lastName: "Berg"),
        Contact(id: "17", firstName: "Dr.", lastName: "Smith"),
        Contact(id: "18", firstName: "Mr John", lastName: "John"),
    ]

    @Test(arguments: contacts)
    func countsWhatOfBuilds(_ contact: Contact) {
        let preparer = ContactPreparer(configuration: .init())
        let prepared = preparer.prepare(contact)
        let counted = prepared.rows.withRecord(0) { NameVariants.count(in: UnsafeRawBufferPointer($0)) }
        #expect(counted == NameVariants.of(prepared.contact).count, "\(NameVariants.of(prepared.contact))")
    }
}
