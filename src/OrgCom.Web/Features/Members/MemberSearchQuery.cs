using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Core.Text;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Members;

public enum MemberSort
{
    /// <summary>The Vietnamese list order: given name, middle name, family name.</summary>
    Name,
    BirthDate,
    BirthDateDescending,
    AdmittedOn,
    AdmittedOnDescending,
}

/// <summary>Age at today, in the bands of the statistics forms.</summary>
public enum AgeBand
{
    From18To30,
    From31To45,
    From46To60,
    From61To75,
    Over75,
}

/// <summary>Party age approximated from the admission date (periods without party activity are not subtracted).</summary>
public enum PartyAgeBand
{
    Under5,
    From5To10,
    From10To20,
    From20To30,
    From30To40,
    From40,
}

/// <summary>
/// What the user asked for. <see cref="Query"/> is a name (with or without diacritics, whole or partial words), a
/// 12-digit CCCD or a party card number; the other fields narrow the result. Unset fields do not filter.
/// </summary>
public sealed record MemberSearchCriteria
{
    public string? Query { get; init; }

    /// <summary>Members of this organization and its whole subtree.</summary>
    public string? OrganizationCode { get; init; }

    /// <summary>A status, or null for every status. <see cref="CountedOnly"/> keeps dự bị and chính thức.</summary>
    public MemberStatus? Status { get; init; }

    public bool CountedOnly { get; init; }
    public Gender? Gender { get; init; }
    public int? BirthYear { get; init; }
    public AgeBand? Age { get; init; }
    public string? Ethnicity { get; init; }
    public PoliticalTheoryLevel? PoliticalTheory { get; init; }
    public PartyAgeBand? PartyAge { get; init; }
    public MemberSort Sort { get; init; } = MemberSort.Name;
    public int Page { get; init; } = 1;
}

public sealed record MemberSearchRow(
    long Id, string FullName, Gender Gender, DateOnly BirthDate, bool BirthYearOnly, string? CitizenId, string? PartyCardNumber,
    string? Ethnicity, DateOnly? AdmittedOn, DateOnly? OfficialOn, MemberStatus Status, string OrganizationName);

public sealed record MemberSearchPage(IReadOnlyList<MemberSearchRow> Rows, int Page, int PageSize, bool HasNext, SearchPlan Plan)
{
    public int FirstRowNumber => (Page - 1) * PageSize + 1;
}

/// <summary>
/// The member search and the member list of a subtree. Everything goes through the scoped DbContext, so a user only
/// ever finds members of their own subtrees, whatever they type.
/// </summary>
/// <remarks>
/// Query shape, measured at 5.6 million members (docs/benchmarks.md): a page is read in two steps inside one SQL
/// statement. The inner step finds the 50 ids in the requested order touching only the name-order index (it includes
/// the folded name and the organization, so for the default order PostgreSQL either walks that index and stops after
/// 50 matches, or, for a rare name, takes the few matching rows from the trigram index and sorts them); the outer step
/// reads the displayed columns of those 50 rows only. Pages are numbered (OFFSET); the total is not counted, since
/// counting a province's members costs far more than showing its first page.
/// </remarks>
public sealed class MemberSearchQuery(OrgComDbContext db, CurrentUser currentUser, MemberSearchStatistics statistics, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Paging beyond this asks the user to narrow the search instead (deep OFFSETs read every skipped row).</summary>
    public const int MaxPage = 200;

    public const int MinBirthYear = 1900;

    public static readonly Error PageTooDeep = new("members.search.page",
        "Chỉ xem được 10.000 kết quả đầu tiên (200 trang); hãy thêm điều kiện (tên, tổ chức, năm sinh…) để thu hẹp kết quả.");

    public static Error BirthYearOutOfRange(int year, int thisYear) => new("members.search.birthyear",
        $"Năm sinh {year} không hợp lệ: năm sinh phải từ {MinBirthYear} đến {thisYear}.");

    public static Error OrganizationNotFound(string code) => new("members.search.organization",
        $"Không tìm thấy tổ chức có mã \"{code}\" trong phạm vi bạn được xem. Hãy gõ mã hoặc một phần tên để chọn trong danh sách.");

    public static Error NumberTooShort(string digits) => new("members.search.number",
        $"\"{digits}\" có {digits.Length} chữ số: số CCCD có đúng 12 chữ số, số thẻ đảng viên có từ 6 đến 20 chữ số.");

    public static Error NumberTooLong(string digits) => new("members.search.number",
        $"\"{digits}\" có {digits.Length} chữ số: số CCCD có đúng 12 chữ số, số thẻ đảng viên có từ 6 đến 20 chữ số.");

    /// <summary>Shown with an empty result when a number is one digit off a CCCD.</summary>
    public static string NearCitizenIdHint(string digits) =>
        $"Không có đảng viên nào có số thẻ đảng viên {digits}. Nếu đây là số CCCD thì số CCCD phải có đúng 12 chữ số (bạn đã nhập {digits.Length} chữ số).";

    /// <summary>Resolves the criteria against the database (the organization code) and checks them.</summary>
    public async Task<Result<ResolvedSearch>> ResolveAsync(MemberSearchCriteria criteria, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        if (criteria.BirthYear is { } year && (year < MinBirthYear || year > today.Year))
            return BirthYearOutOfRange(year, today.Year);
        if (criteria.Page > MaxPage)
            return PageTooDeep;

        var text = criteria.Query?.Trim() ?? "";
        string? number = null;
        string[] words = [];
        var compact = text.Replace(" ", "").Replace(".", "").Replace("-", "");
        if (compact.Length > 0 && compact.All(char.IsAsciiDigit))
        {
            if (compact.Length < 6)
                return NumberTooShort(compact);
            if (compact.Length > 20)
                return NumberTooLong(compact);
            number = compact;
        }
        else
        {
            words = NameWords(text);
        }

        LTree? subtree = null;
        string? organizationName = null;
        if (!string.IsNullOrWhiteSpace(criteria.OrganizationCode))
        {
            var code = Organization.NormalizeCode(criteria.OrganizationCode);
            var found = await db.Organizations.Where(o => o.Code == code)
                .Select(o => new { o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) })
                .SingleOrDefaultAsync(ct);
            if (found is null)
                return OrganizationNotFound(code);
            subtree = found.Path;
            organizationName = found.Name;
        }
        return new ResolvedSearch(criteria with { Page = Math.Max(1, criteria.Page) }, words, number, subtree, organizationName, today);
    }

    /// <summary>One page of results in the requested order.</summary>
    public async Task<MemberSearchPage> PageAsync(ResolvedSearch search, CancellationToken ct) =>
        await PageAsync(search, await PlanAsync(search, ct), ct);

    /// <summary>One page read the given way (the tests compare the shapes; the page uses <see cref="PlanAsync"/>).</summary>
    public async Task<MemberSearchPage> PageAsync(ResolvedSearch search, SearchPlan plan, CancellationToken ct)
    {
        List<MemberSearchRow> rows;
        if (plan.Settings.Length == 0)
        {
            rows = await PageQuery(search, plan).ToListAsync(ct);
        }
        else
        {
            // The settings only live for this transaction (SET LOCAL), so the pooled connection is left as it was.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(plan.Settings, ct);
            rows = await PageQuery(search, plan).ToListAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var hasNext = rows.Count > PageSize;
        if (hasNext)
            rows.RemoveAt(PageSize);
        return new MemberSearchPage(rows, search.Criteria.Page, PageSize, hasNext, plan);
    }

    /// <summary>The one SQL statement behind a page (one row more than a page, to know whether there is a next).</summary>
    public IQueryable<MemberSearchRow> PageQuery(ResolvedSearch search, SearchPlan plan)
    {
        var ids = plan.Shape == SearchShape.Syllables
            ? SyllableIds(search, plan)
            : Order(Filter(search, plan), search.Criteria.Sort)
                .Select(m => m.Id)
                .Skip((search.Criteria.Page - 1) * PageSize)
                .Take(PageSize + 1);
        return Order(db.Members.Where(m => ids.Contains(m.Id)), search.Criteria.Sort).Select(Row);
    }

    /// <summary>
    /// The page's ids from the name index (<see cref="MemberNameSyllable"/>): for each key of the plan (the syllables
    /// containing the chosen word, or the pairs of syllables of the chosen pair of words), its rows in list order that
    /// have every word and pass the other criteria, as many as the page needs; then the page from their union (a
    /// member under two of the keys comes twice, hence the distinct). Only the rows that have every word are checked
    /// against the member (scope and the other criteria), by an index-only probe of <c>ix_members_id_search</c>.
    /// </summary>
    private IQueryable<long> SyllableIds(ResolvedSearch search, SearchPlan plan)
    {
        var c = search.Criteria;
        var today = search.Today;
        var patterns = search.Words.Select(w => "%" + w + "%").ToArray();
        var keys = plan.Syllables.Select(k => k.ToString()).ToArray();
        // The member-row criteria as nullable parameters (null: no filter), the same bounds as Criteria() uses.
        DateOnly? bornFrom = null, bornTo = null, admittedAfter = null, admittedTo = null;
        if (c.BirthYear is { } year)
            (bornFrom, bornTo) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (c.Age is { } age)
        {
            var (min, max) = AgeRange(age);
            bornTo = Min(bornTo, today.AddYears(-min));
            if (max is { } m)
                bornFrom = Max(bornFrom, today.AddYears(-(m + 1)).AddDays(1));
        }
        if (c.PartyAge is { } partyAge)
        {
            var (min, max) = PartyAgeRange(partyAge);
            admittedTo = today.AddYears(-min);
            if (max is { } m)
                admittedAfter = today.AddYears(-m);
        }
        string[]? statuses = c.Status is { } status ? [status.ToString()]
            : c.CountedOnly ? [nameof(MemberStatus.Probationary), nameof(MemberStatus.Official)] : null;
        var needsMember = NeedsMemberRow(search);
        var unrestricted = currentUser.IsUnrestricted;
        var scope = currentUser.ReadPaths;
        var subtree = search.Subtree;
        var gender = c.Gender?.ToString();
        var ethnicity = search.Ethnicity;
        var theory = c.PoliticalTheory?.ToString();
        var needed = c.Page * (PageSize + 1);
        var skip = (c.Page - 1) * PageSize;
        // One statement of one shape whatever the keys, words and criteria (arrays and nullable parameters), written
        // in SQL because EF turns a per-key LIMIT into a window over the whole table: for each key (a lateral join
        // over the array) its first rows in list order that have every word (LIKE ALL) and, when needed, whose member
        // passes the scope and the criteria; then the page of their union. The page query around it applies the
        // members' scope filter again.
        return db.Database.SqlQuery<long>($"""
            select u.member_id as "Value"
            from (
                select distinct r.given_name, r.middle_name, r.family_name, r.member_id
                from unnest({keys}::text[]) as k(key)
                cross join lateral (
                    select s.given_name, s.middle_name, s.family_name, s.member_id
                    from member_name_syllables s
                    where s.key = k.key and s.name_folded like all ({patterns}::text[])
                      and (not {needsMember} or exists (
                          select 1 from members m join organizations o on o.id = m.organization_id
                          where m.id = s.member_id
                            and ({unrestricted} or {scope}::ltree[] @> o.path)
                            and ({subtree}::ltree is null or o.path <@ {subtree}::ltree)
                            and ({statuses}::text[] is null or m.status = any ({statuses}::text[]))
                            and ({gender}::text is null or m.gender = {gender}::text)
                            and ({bornFrom}::date is null or m.birth_date >= {bornFrom}::date)
                            and ({bornTo}::date is null or m.birth_date <= {bornTo}::date)
                            and ({ethnicity}::text is null or m.ethnicity = {ethnicity}::text)
                            and ({theory}::text is null or m.political_theory = {theory}::text)
                            and ({admittedTo}::date is null or m.admitted_on <= {admittedTo}::date)
                            and ({admittedAfter}::date is null or m.admitted_on > {admittedAfter}::date)))
                    order by s.given_name, s.middle_name, s.family_name, s.member_id
                    limit {needed}) as r
            ) as u
            order by u.given_name, u.middle_name, u.family_name, u.member_id
            offset {skip} limit {PageSize + 1}
            """);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    private static DateOnly? Max(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    /// <summary>Whether a row of the name index must be checked against the member's own row: for the user's scope or
    /// for any criterion besides the name words.</summary>
    private bool NeedsMemberRow(ResolvedSearch search)
    {
        var c = search.Criteria;
        return !currentUser.IsUnrestricted || search.Subtree is not null || c.Status is not null || c.CountedOnly
            || c.Gender is not null || c.BirthYear is not null || c.Age is not null || search.Ethnicity is not null
            || c.PoliticalTheory is not null || c.PartyAge is not null;
    }

    /// <summary>Every result in the requested order, streamed (for the export): never held in memory at once. The
    /// planner chooses freely here: the whole result is read, so its own estimates serve.</summary>
    public IAsyncEnumerable<MemberSearchRow> StreamAsync(ResolvedSearch search, int limit) =>
        Order(Filter(search, SearchPlan.Free), search.Criteria.Sort).Take(limit).Select(Row).AsNoTracking().AsAsyncEnumerable();

    /// <summary>How many members match (on demand: a whole province takes a while to count).</summary>
    public Task<int> CountAsync(ResolvedSearch search, CancellationToken ct) => Filter(search, SearchPlan.Free).CountAsync(ct);

    /// <summary>
    /// Chooses how PostgreSQL should read the page, from the in-memory sample: walk the list order and stop after a
    /// page of matches (cheap when matches are common and early in the order), read the name index for the syllables
    /// of one word in list order (names), take the rows of the rarest words from the trigram index and sort them
    /// (cheap when few rows have those words, and for the other orders), or take the members of a small subtree and
    /// sort them. Each costs roughly what the estimate says; they differ by orders of magnitude.
    /// </summary>
    public async Task<SearchPlan> PlanAsync(ResolvedSearch search, CancellationToken ct) =>
        (await CandidatePlansAsync(search, ct)).MinBy(p => p.EstimatedMicroseconds)!;

    /// <summary>Every way the page can be read, each with its estimated cost (the tests read the page each way).</summary>
    public async Task<IReadOnlyList<SearchPlan>> CandidatePlansAsync(ResolvedSearch search, CancellationToken ct)
    {
        if (search.Number is not null)
            return [SearchPlan.Free];
        var sample = await statistics.GetAsync(db, ct);
        var c = search.Criteria;
        var scale = sample.Scale;
        var roots = new List<string>();
        if (!currentUser.IsUnrestricted)
            roots.AddRange(currentUser.ReadPaths.Select(p => p.ToString()));
        var subtree = search.Subtree?.ToString();
        // Deeper than the sample's paths: a grassroots organization or a cell, a few hundred members at most.
        var deep = (subtree is not null && Depth(subtree) > MemberSample.PrefixDepth)
            || (roots.Count > 0 && roots.All(r => Depth(r) > MemberSample.PrefixDepth));

        var needed = Math.Max(1, (int)Math.Ceiling((c.Page * (PageSize + 1)) / scale));
        double inSubtree = 0, matching = 0;
        var firstPagePosition = -1;
        var matches = new List<int>();
        var rows = sample.Rows;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (subtree is not null && !Within(row.PathPrefix, subtree))
                continue;
            if (roots.Count > 0 && !roots.Any(r => Within(row.PathPrefix, r)))
                continue;
            inSubtree++;
            if (!Matches(row, search) || !search.Words.All(w => row.NameFolded.Contains(w, StringComparison.Ordinal)))
                continue;
            matching++;
            matches.Add(i);
            if (matching == needed)
                firstPagePosition = i;
        }
        var subtreeMembers = deep ? 0 : inSubtree * scale;
        // Rows a walk reads before it has the page: as if matches were spread evenly, or, for the name order (walked
        // from "A"), at least as far as the sample's matches lie (words of a given name cluster at its letter).
        var even = Math.Min(sample.TotalMembers, c.Page * (PageSize + 1) * sample.TotalMembers / Math.Max(matching * scale, 0.5));
        var walkTuples = c.Sort == MemberSort.Name
            ? Math.Max(even, firstPagePosition >= 0 ? (firstPagePosition + 1) * scale : sample.TotalMembers)
            : even;
        var covered = c.Sort == MemberSort.Name && c.Ethnicity is null && c.PoliticalTheory is null;
        // Checking a row's organization against a subtree or the user's scope can cost an index probe per row (the name
        // words, cheaper, are checked first and spare most rows that probe).
        var perRow = (covered ? 0.35 : 6.0) + (search.Words.Length == 0 && (subtree is not null || roots.Count > 0) ? 2.0 : 0);
        var walkCost = walkTuples * perRow;

        var (indexed, indexCost) = IndexedWords(search, sample);
        var subtreeCost = subtree is not null && (deep || subtreeMembers < 200_000) ? 1000 + 2.0 * (deep ? 500 : subtreeMembers) : double.PositiveInfinity;

        var (syllables, syllableCost) = c.Sort == MemberSort.Name && search.Words.Length > 0
            ? await SyllablesAsync(search, sample, matches, needed, ct)
            : ([], double.PositiveInfinity);

        // In order of preference when estimates tie.
        var plans = new List<SearchPlan>();
        if (!double.IsPositiveInfinity(syllableCost))
            plans.Add(SearchPlan.BySyllables(syllables, syllableCost));
        if (!double.IsPositiveInfinity(subtreeCost))
            plans.Add(SearchPlan.Subtree(subtreeCost));
        if (indexed.Count > 0)
            plans.Add(SearchPlan.Index(indexed, indexCost));
        plans.Add(SearchPlan.Walk(walkCost));
        return plans;
    }

    /// <summary>At most this many keys are read for one word or pair ("an" is in hundreds of syllables: then another
    /// word, or another shape, serves better).</summary>
    public const int MaxSyllables = 30;

    /// <summary>
    /// The keys to read the name index by, and what that costs: the word, or pair of words, whose keys make the
    /// shortest read. A word stands for every syllable that contains it, a pair for every pair of such syllables (and
    /// the syllables that contain both words); the syllables come from the vocabulary in the database, so one added a
    /// second ago is not missed. Each key's rows are read in list order until the page has its matches, so the read is
    /// as long as the rows with those words that come before the page's last match: estimated on the sample, which
    /// is in list order (matches cluster: every "Nguyễn Thị Vân" lies at V). About 0.35 µs a row from the index
    /// alone, 100 µs a key to start, plus a probe of the member's row for those that have every word when the scope
    /// or a criterion needs it.
    /// </summary>
    private async Task<(SyllableKey[] Keys, double Cost)> SyllablesAsync(
        ResolvedSearch search, MemberSample sample, IReadOnlyList<int> matches, int needed, CancellationToken ct)
    {
        var words = search.Words.Where(w => w.Length >= 2).ToArray();
        if (words.Length == 0)
            return ([], double.PositiveInfinity);
        var patterns = words.Select(w => "%" + w + "%").ToArray();
        var vocabulary = await db.NameSyllables
            .Where(s => patterns.Any(p => EF.Functions.Like(s.Syllable, p)))
            .Select(s => s.Syllable)
            .ToListAsync(ct);
        var expansions = words.ToDictionary(w => w,
            w => vocabulary.Where(v => v.Contains(w, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
        // A word no member has: nobody matches, and reading no key at all says so.
        if (expansions.Values.Any(x => x.Length == 0))
            return ([], 1);

        var candidates = new List<(string[] Words, SyllableKey[] Keys)>();
        foreach (var word in words)
        {
            if (expansions[word].Length <= MaxSyllables)
                candidates.Add(([word], expansions[word].Select(x => new SyllableKey(x, "")).ToArray()));
        }
        for (var i = 0; i < words.Length; i++)
        {
            for (var j = i + 1; j < words.Length; j++)
            {
                var (a, b) = (expansions[words[i]], expansions[words[j]]);
                if (a.Length * b.Length > MaxSyllables)
                    continue;
                // Two syllables of the name, or one syllable holding both words ("th" and "uy" in "thuy").
                var keys = a.SelectMany(x => b.Select(y => string.CompareOrdinal(x, y) switch
                    {
                        0 => new SyllableKey(x, ""),
                        < 0 => new SyllableKey(x, y),
                        _ => new SyllableKey(y, x),
                    }))
                    .Concat(a.Intersect(b).Select(x => new SyllableKey(x, "")))
                    .Distinct()
                    .ToArray();
                candidates.Add(([words[i], words[j]], keys));
            }
        }

        var rows = sample.Rows;
        // Where the page ends in the sample's list order (past the end when there are fewer matches than a page).
        var end = matches.Count >= needed ? matches[needed - 1] + 1 : rows.Length;
        var withAllWords = NeedsMemberRow(search) ? sample.Fraction(search.Words) * sample.TotalMembers * (double)end / Math.Max(rows.Length, 1) : 0;
        var best = (Keys: Array.Empty<SyllableKey>(), Cost: double.PositiveInfinity);
        foreach (var (chosen, keys) in candidates)
        {
            var read = 0;
            for (var i = 0; i < end; i++)
            {
                var name = rows[i].NameFolded;
                if (chosen.All(w => name.Contains(w, StringComparison.Ordinal)))
                    read++;
            }
            var cost = 500 + 100 * keys.Length + Math.Max(read, 0.5) * sample.Scale * 0.35 + withAllWords * 6;
            if (cost < best.Cost)
                best = (keys, cost);
        }
        return best;
    }

    private static (HashSet<string> Words, double Cost) IndexedWords(ResolvedSearch search, MemberSample sample)
    {
        var words = search.Words.Where(w => w.Length >= 3).Take(5).ToArray();
        var best = (Words: new HashSet<string>(), Cost: double.PositiveInfinity);
        for (var mask = 1; mask < 1 << words.Length; mask++)
        {
            var chosen = words.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var indexRead = chosen.SelectMany(Trigrams).Distinct().Sum(t => sample.Fraction(t)) * sample.TotalMembers * IndexEntryMicroseconds;
            var rows = Math.Max(sample.Fraction(chosen) * sample.TotalMembers, 1);
            var cost = 2000 + indexRead + rows * RowFetchMicroseconds;
            if (cost < best.Cost)
                best = (chosen.ToHashSet(), cost);
        }
        return best;
    }

    // Measured at 5.6 million members on the benchmark machine (docs/benchmarks.md).
    private const double IndexEntryMicroseconds = 0.01;
    private const double RowFetchMicroseconds = 8;

    private static IEnumerable<string> Trigrams(string word)
    {
        for (var i = 0; i + 3 <= word.Length; i++)
            yield return word.Substring(i, 3);
    }

    private static bool Matches(SampleRow r, ResolvedSearch search)
    {
        var c = search.Criteria;
        if (c.Status is { } status ? r.Status != status : c.CountedOnly && !r.Status.IsCounted())
            return false;
        if (c.Gender is { } gender && r.Gender != gender)
            return false;
        if (c.BirthYear is { } year && r.BirthDate.Year != year)
            return false;
        if (c.Age is { } age)
        {
            var (min, max) = AgeRange(age);
            if (r.BirthDate > search.Today.AddYears(-min) || (max is { } m && r.BirthDate <= search.Today.AddYears(-(m + 1))))
                return false;
        }
        if (search.Ethnicity is { } ethnicity && r.Ethnicity != ethnicity)
            return false;
        if (c.PoliticalTheory is { } theory && r.PoliticalTheory != theory)
            return false;
        if (c.PartyAge is { } partyAge)
        {
            var (min, max) = PartyAgeRange(partyAge);
            if (r.AdmittedOn is not { } admitted || admitted > search.Today.AddYears(-min) || (max is { } m && admitted <= search.Today.AddYears(-m)))
                return false;
        }
        return true;
    }

    private static int Depth(string path) => path.Count(ch => ch == '.') + 1;

    private static bool Within(string path, string root) =>
        path.Length == root.Length ? path == root : path.Length > root.Length && path[root.Length] == '.' && path.StartsWith(root, StringComparison.Ordinal);

    private System.Linq.Expressions.Expression<Func<Member, MemberSearchRow>> Row =>
        m => new MemberSearchRow(m.Id, m.FullName, m.Gender, m.BirthDate, m.BirthYearOnly, m.CitizenId, m.PartyCardNumber,
            m.Ethnicity, m.AdmittedOn, m.OfficialOn, m.Status,
            db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "");

    private IQueryable<Member> Filter(ResolvedSearch search, SearchPlan plan)
    {
        IQueryable<Member> query = db.Members;
        foreach (var word in search.Words)
        {
            var pattern = "%" + word + "%";
            // The same test either way; written on an expression, the word cannot be looked up in the trigram index.
            query = plan.Indexable(word)
                ? query.Where(m => EF.Functions.Like(m.NameFolded, pattern))
                : query.Where(m => EF.Functions.Like(m.NameFolded + " ", pattern));
        }
        return Criteria(query, search);
    }

    /// <summary>Every criterion but the name words: the number, the subtree and the member's attributes.</summary>
    private IQueryable<Member> Criteria(IQueryable<Member> query, ResolvedSearch search)
    {
        var c = search.Criteria;
        var today = search.Today;

        if (search.Number is { } number)
        {
            query = number.Length == 12
                ? query.Where(m => m.CitizenId == number || m.PartyCardNumber == number)
                : query.Where(m => m.PartyCardNumber == number);
        }
        if (search.Subtree is { } root)
        {
            query = query.Where(m => db.Organizations.Any(o =>
                o.Id == m.OrganizationId && EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(root)));
        }
        if (c.Status is { } status)
            query = query.Where(m => m.Status == status);
        else if (c.CountedOnly)
            query = query.Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official);
        if (c.Gender is { } gender)
            query = query.Where(m => m.Gender == gender);
        if (c.BirthYear is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(m => m.BirthDate >= from && m.BirthDate <= to);
        }
        if (c.Age is { } age)
        {
            var (min, max) = AgeRange(age);
            // Age a..b at today ⇔ born after today − (b + 1) years and on or before today − a years.
            var bornOnOrBefore = today.AddYears(-min);
            query = query.Where(m => m.BirthDate <= bornOnOrBefore);
            if (max is { } m2)
            {
                var bornAfter = today.AddYears(-(m2 + 1));
                query = query.Where(m => m.BirthDate > bornAfter);
            }
        }
        if (search.Ethnicity is { } ethnicity)
            query = query.Where(m => m.Ethnicity == ethnicity);
        if (c.PoliticalTheory is { } theory)
            query = query.Where(m => m.PoliticalTheory == theory);
        if (c.PartyAge is { } partyAge)
        {
            var (min, max) = PartyAgeRange(partyAge);
            var admittedOnOrBefore = today.AddYears(-min);
            query = query.Where(m => m.AdmittedOn != null && m.AdmittedOn <= admittedOnOrBefore);
            if (max is { } m2)
            {
                var admittedAfter = today.AddYears(-m2);
                query = query.Where(m => m.AdmittedOn > admittedAfter);
            }
        }
        return query;
    }

    private static IQueryable<Member> Order(IQueryable<Member> query, MemberSort sort) => sort switch
    {
        MemberSort.BirthDate => query.OrderBy(m => m.BirthDate).ThenBy(m => m.Id),
        MemberSort.BirthDateDescending => query.OrderByDescending(m => m.BirthDate).ThenByDescending(m => m.Id),
        MemberSort.AdmittedOn => query.OrderBy(m => m.AdmittedOn).ThenBy(m => m.Id),
        MemberSort.AdmittedOnDescending => query.OrderByDescending(m => m.AdmittedOn).ThenByDescending(m => m.Id),
        _ => query.OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id),
    };

    /// <summary>The folded words of a name query. Anything but a letter or a digit separates words ("H'Hen" gives
    /// "h" and "hen", both contained in the folded "h'hen"), so no word carries a LIKE wildcard.</summary>
    public static string[] NameWords(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }
        // A word contained in another word is implied by it ("an" by "van" in "nguyen van an"): checking it again
        // changes no result, so it is dropped.
        var distinct = words.Distinct().ToList();
        return distinct.Where(w => !distinct.Any(o => o.Length > w.Length && o.Contains(w, StringComparison.Ordinal))).ToArray();
    }

    public static (int Min, int? Max) AgeRange(AgeBand band) => band switch
    {
        AgeBand.From18To30 => (18, 30),
        AgeBand.From31To45 => (31, 45),
        AgeBand.From46To60 => (46, 60),
        AgeBand.From61To75 => (61, 75),
        _ => (76, null),
    };

    public static (int Min, int? Max) PartyAgeRange(PartyAgeBand band) => band switch
    {
        PartyAgeBand.Under5 => (0, 5),
        PartyAgeBand.From5To10 => (5, 10),
        PartyAgeBand.From10To20 => (10, 20),
        PartyAgeBand.From20To30 => (20, 30),
        PartyAgeBand.From30To40 => (30, 40),
        _ => (40, null),
    };

    public static string DisplayName(AgeBand band) => band switch
    {
        AgeBand.From18To30 => "18–30 tuổi",
        AgeBand.From31To45 => "31–45 tuổi",
        AgeBand.From46To60 => "46–60 tuổi",
        AgeBand.From61To75 => "61–75 tuổi",
        _ => "Trên 75 tuổi",
    };

    public static string DisplayName(PartyAgeBand band) => band switch
    {
        PartyAgeBand.Under5 => "Dưới 5 năm",
        PartyAgeBand.From5To10 => "Từ 5 đến dưới 10 năm",
        PartyAgeBand.From10To20 => "Từ 10 đến dưới 20 năm",
        PartyAgeBand.From20To30 => "Từ 20 đến dưới 30 năm",
        PartyAgeBand.From30To40 => "Từ 30 đến dưới 40 năm",
        _ => "Từ 40 năm trở lên",
    };

    public static string DisplayName(MemberSort sort) => sort switch
    {
        MemberSort.BirthDate => "Ngày sinh (lớn tuổi trước)",
        MemberSort.BirthDateDescending => "Ngày sinh (trẻ tuổi trước)",
        MemberSort.AdmittedOn => "Ngày vào Đảng (sớm trước)",
        MemberSort.AdmittedOnDescending => "Ngày vào Đảng (gần đây trước)",
        _ => "Họ tên (tên, tên đệm, họ)",
    };

    public static string FormatNumber(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>Criteria checked and resolved: folded name words or a number, and the organization subtree.</summary>
public sealed record ResolvedSearch(
    MemberSearchCriteria Criteria, string[] Words, string? Number, LTree? Subtree, string? OrganizationName, DateOnly Today)
{
    public bool IsNumberSearch => Number is not null;

    public string? Ethnicity => string.IsNullOrWhiteSpace(Criteria.Ethnicity) ? null : VietnameseText.Normalize(Criteria.Ethnicity);
}

public enum SearchShape
{
    /// <summary>No particular shape (a CCCD or card number, an export, a count): PostgreSQL's own choice.</summary>
    Free,
    Walk,
    Index,
    Subtree,

    /// <summary>The name index: the rows of the syllables that contain the rarest word, in list order.</summary>
    Syllables,
}

/// <summary>A key of the name index: a syllable (<see cref="Other"/> empty) or a pair of syllables in ordinal order.</summary>
public sealed record SyllableKey(string Syllable, string Other)
{
    /// <summary>As stored in <see cref="MemberNameSyllable.Key"/>: "thi", or "thi van" for a pair.</summary>
    public override string ToString() => Other.Length == 0 ? Syllable : Syllable + " " + Other;
}

/// <summary>How a page is read: the shape, the words given to the trigram index, the planner settings that enforce
/// it and the estimated cost (µs, for the benchmark's report).</summary>
public sealed record SearchPlan(SearchShape Shape, IReadOnlySet<string> IndexedWords, string Settings, double EstimatedMicroseconds)
{
    public static readonly SearchPlan Free = new(SearchShape.Free, new HashSet<string>(), "", 0);

    // Planner settings for the page's transaction only (SET LOCAL). JIT compilation is off everywhere: these queries
    // take milliseconds, and the planner would compile for the large costs of the paths it rejects.

    /// <summary>Walk the list order's covering index and stop after a page: no bitmap scan, no full scan and sort.</summary>
    public static SearchPlan Walk(double estimate = 0) => new(SearchShape.Walk, new HashSet<string>(),
        "set local enable_bitmapscan = off; set local enable_seqscan = off; set local jit = off", estimate);

    /// <summary>The trigram index for the given words, then their rows, sorted; never a walk of the list order.</summary>
    public static SearchPlan Index(IReadOnlySet<string> words, double estimate = 0) => new(SearchShape.Index, words,
        "set local enable_indexonlyscan = off; set local enable_indexscan = off; set local enable_seqscan = off; set local jit = off", estimate);

    /// <summary>The name index for the given syllables (<see cref="MemberNameSyllable"/>), each read in list order.</summary>
    public static SearchPlan BySyllables(IReadOnlyList<SyllableKey> syllables, double estimate = 0) =>
        new(SearchShape.Syllables, new HashSet<string>(),
            "set local enable_hashjoin = off; set local enable_bitmapscan = off; set local enable_seqscan = off; set local max_parallel_workers_per_gather = 0; set local jit = off",
            estimate)
        { Syllables = syllables };

    /// <summary>The members of the subtree through the organization index, then filter and sort.</summary>
    public static SearchPlan Subtree(double estimate = 0) => new(SearchShape.Subtree, new HashSet<string>(),
        "set local enable_indexonlyscan = off; set local enable_seqscan = off; set local jit = off", estimate);

    /// <summary>For <see cref="SearchShape.Syllables"/>: the keys whose rows are read (none: nobody matches).</summary>
    public IReadOnlyList<SyllableKey> Syllables { get; init; } = [];

    public bool Indexable(string word) => Shape is SearchShape.Free or SearchShape.Walk || IndexedWords.Contains(word);
}
