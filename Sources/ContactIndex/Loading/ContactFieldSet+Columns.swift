extension ContactFieldSet {
    /// The fields that the columns of a CSV export fill (`CSVLoadReport.columns`): what a merge
    /// of its rows into a directory may change (`LiveDirectory.merge`). A label or extension
    /// column counts as its phones' or emails'; ignored columns and the id fill nothing.
    public init(columns: [ContactCSVColumn]) {
        self = []
        for column in columns {
            switch column {
            case .firstName: insert(.firstName)
            case .lastName: insert(.lastName)
            case .displayName: insert(.displayName)
            case .phone, .phoneExtension: insert(.phones)
            case .email: insert(.emails)
            case .label: insert([.phones, .emails])
            case .entity: insert(.entity)
            case .company: insert(.company)
            case .region: insert(.region)
            case .createdAt: insert(.createdAt)
            case .updatedAt: insert(.updatedAt)
            case .attribute: insert(.attributes)
            case .id, .ignored: break
            }
        }
    }
}
