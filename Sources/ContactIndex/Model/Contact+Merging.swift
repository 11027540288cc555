extension Contact {
    /// This contact with the fields of `update` that `fields` names and that `update` has a value
    /// for, as a CRM's update import applies a file to records it already holds: a column the
    /// file does not have leaves its field alone, and so does an empty cell (Salesforce's Data
    /// Loader and HubSpot's import do not blank a field from an empty cell either).
    ///
    /// - Names, company, region, dates: the update's value when it is there and not empty.
    /// - Entity: the update's, when `fields` has `.entity` (a loaded row always has one).
    /// - Phones and emails go by label: the update's numbers with a label replace this
    ///   contact's numbers with that label, where the first of those stood ("Mobile" from the
    ///   file replaces the mobile number and keeps the work one); numbers of other labels stay;
    ///   the update's numbers of a label this contact lacks come last. Labels are compared
    ///   without case.
    /// - Attributes go key by key: the update's non-empty values replace this contact's.
    ///
    /// The id stays this contact's.
    /// - Complexity: O(p + e + a) in the phones, emails and attributes of both.
    public func merging(_ update: Contact, fields: ContactFieldSet) -> Contact {
        var merged = self
        func take(_ field: ContactFieldSet, _ path: WritableKeyPath<Contact, String?>) {
            if fields.contains(field), let value = update[keyPath: path], !value.isEmpty { merged[keyPath: path] = value }
        }
        take(.firstName, \.firstName)
        take(.lastName, \.lastName)
        take(.displayName, \.displayName)
        take(.company, \.company)
        take(.region, \.region)
        if fields.contains(.entity) { merged.entity = update.entity }
        if fields.contains(.createdAt), let date = update.createdAt { merged.createdAt = date }
        if fields.contains(.updatedAt), let date = update.updatedAt { merged.updatedAt = date }
        if fields.contains(.phones), !update.phones.isEmpty {
            merged.phones = Self.replacingByLabel(phones, with: update.phones, label: \.label)
        }
        if fields.contains(.emails), !update.emails.isEmpty {
            merged.emails = Self.replacingByLabel(emails, with: update.emails, label: \.label)
        }
        if fields.contains(.attributes) {
            for (key, value) in update.attributes where !value.isEmpty { merged.attributes[key] = value }
        }
        return merged
    }

    /// `current` with the entries of `update` in place of the entries of the same label (see
    /// `merging(_:fields:)`).
    static func replacingByLabel<Entry>(_ current: [Entry], with update: [Entry], label: KeyPath<Entry, String?>) -> [Entry] {
        func key(_ entry: Entry) -> String? { entry[keyPath: label]?.lowercased() }
        let updated = Set(update.map(key))
        var placed: Set<String?> = []
        var result: [Entry] = []
        result.reserveCapacity(current.count + update.count)
        for entry in current {
            let entryKey = key(entry)
            guard updated.contains(entryKey) else {
                result.append(entry)
                continue
            }
            if placed.insert(entryKey).inserted { result += update.filter { key($0) == entryKey } }
        }
        result += update.filter { !placed.contains(key($0)) }
        return result
    }
}
