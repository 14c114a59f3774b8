namespace OrgCom.Web.Data;

/// <summary>
/// One word (syllable) or one pair of words of a member's folded name, with the name in list order: the name search's
/// index (docs/adr/0006-name-syllable-index.md). A member has one row per distinct word of the folded name and one per
/// pair of distinct words ("nguyen van an": nguyen, van, an; an+nguyen, an+van, nguyen+van). A search takes its
/// rarest word or pair of words, expands them to the syllables containing them (from <see cref="NameSyllable"/>) and
/// reads each key's rows in list order, so the first page stops after a page of matches instead of reading every name
/// that has the word.
/// </summary>
/// <remarks>
/// Read-only for the application: triggers on <c>members</c> keep it (insert, change of name, delete), so it cannot
/// drift from the names it indexes, whoever writes them. Derived data: not audited (the member's change is), not
/// scoped (it holds no organization; every search joins back to <c>members</c>, whose scope filter applies).
/// </remarks>
public sealed class MemberNameSyllable
{
    /// <summary>A syllable ("thi"), or a pair of syllables in ordinal order joined by a space ("thi van").</summary>
    public string Key { get; private set; } = "";

    public string GivenName { get; private set; } = "";
    public string MiddleName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public long MemberId { get; private set; }
    public string NameFolded { get; private set; } = "";
}

/// <summary>Every syllable that occurs in a member's folded name (a few thousand): the vocabulary a search word is
/// expanded against. Kept by the same triggers; never shrinks (a syllable nobody has any more just matches no row).</summary>
public sealed class NameSyllable
{
    public string Syllable { get; private set; } = "";
}
