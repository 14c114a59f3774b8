using OrgCom.Core.Members;
using OrgCom.Core.Text;
using OrgCom.Web.Data.Seed;

namespace OrgCom.Web.Data.Generate;

/// <summary>One generated member as written to the database (a struct in a reused batch, not an entity).</summary>
internal struct MemberRecord
{
    public long Id;
    public long OrganizationId;
    public string FullName;
    public string FamilyName;
    public string MiddleName;
    public string GivenName;
    public string NameFolded;
    public Gender Gender;
    public DateOnly BirthDate;
    public bool BirthYearOnly;
    public MemberStatus Status;
    public DateOnly AdmittedOn;
    public DateOnly CeremonyOn;
    public DateOnly? OfficialOn;
    public string AdmissionDecision;
    public string? RecognitionDecision;
    public bool NotRecognized;
    public DateOnly? ExemptSince;
    public DateOnly? EndedOn;
    public string? EndingDecision;
    public string CitizenId;
    public string? PartyCardNumber;
    public string Ethnicity;
    public string Religion;
    public string GeneralEducation;
    public string? Professional;
    public PoliticalTheoryLevel PoliticalTheory;
    public string? Hometown;
}

/// <summary>
/// Draws members for a cell: name and sex (NameGenerator, re-drawn until the sex wanted for the kind of cell), birth
/// date (age bands by kind of cell; 2% known by year only), status (about 3% probationary with the ceremony in the last
/// 12 months, elderly members exempt, a few percent deceased, left or removed), dates that respect the rules (admission
/// at 18 or later, ceremony days to weeks after the decision, official 12 months after the ceremony), ethnicity and
/// religion by region, schooling and political theory by kind of cell, and a unique CCCD and party card number.
/// </summary>
internal sealed class MemberSynthesizer
{
    private readonly Rng _rng;
    private readonly NameGenerator _names;
    private readonly DateOnly _today;
    private readonly ProvinceProfile[] _provinces;
    private readonly IReadOnlyList<CommuneAnchor> _communes;
    private readonly int[][] _communesByProvince;
    private readonly IdentityNumbers _numbers;
    private readonly Weighted<string>[] _ethnicities;
    private readonly Weighted<string>[] _religions;
    private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);
    private readonly string[] _oldCodes;
    private readonly string[] _decisions = Enumerable.Range(0, 1000).Select(n => $"{n}-QĐ/ĐU").ToArray();

    private static readonly (int Min, int Max, double Weight)[] AllAges =
        [(20, 25, 2), (26, 30, 5), (31, 40, 16), (41, 50, 18), (51, 60, 17), (61, 70, 19), (71, 80, 14), (81, 94, 9)];
    private static readonly (int Min, int Max, double Weight)[] WorkingAges =
        [(22, 25, 5), (26, 30, 13), (31, 40, 35), (41, 50, 28), (51, 60, 19)];
    private static readonly (int Min, int Max, double Weight)[] ServiceAges =
        [(20, 25, 10), (26, 30, 18), (31, 40, 35), (41, 50, 25), (51, 57, 12)];
    private static readonly (int Min, int Max, double Weight)[] AgesAtDeath =
        [(60, 70, 15), (71, 80, 35), (81, 94, 50)];
    private static readonly (int Min, int Max, double Weight)[] AdmissionAges =
        [(18, 25, 50), (26, 30, 25), (31, 40, 18), (41, 55, 7)];

    private readonly Weighted<(int, int)> _allAges = Bands(AllAges);
    private readonly Weighted<(int, int)> _workingAges = Bands(WorkingAges);
    private readonly Weighted<(int, int)> _serviceAges = Bands(ServiceAges);
    private readonly Weighted<(int, int)> _agesAtDeath = Bands(AgesAtDeath);
    private readonly Weighted<(int, int)> _admissionAges = Bands(AdmissionAges);

    public MemberSynthesizer(Rng rng, NameGenerator names, DateOnly today, ProvinceProfile[] provinces,
        IReadOnlyList<CommuneAnchor> communes, IdentityNumbers numbers)
    {
        _rng = rng;
        _names = names;
        _today = today;
        _provinces = provinces;
        _communes = communes;
        _numbers = numbers;
        _communesByProvince = Enumerable.Range(0, provinces.Length)
            .Select(p => communes.Where(c => c.Province == p).Select(c => c.Index).ToArray()).ToArray();
        _ethnicities = provinces.Select(p => new Weighted<string>(Demography.EthnicitiesOf(p.Region))).ToArray();
        _religions = provinces.Select(p => new Weighted<string>(Demography.ReligionsOf(p.Region))).ToArray();
        _oldCodes = provinces.SelectMany(p => p.OldProvinceCodes).Distinct().ToArray();
    }

    private static Weighted<(int, int)> Bands((int Min, int Max, double Weight)[] bands) =>
        new(bands.Select(b => ((b.Min, b.Max), b.Weight)));

    public void Fill(ref MemberRecord m, long id, in PlannedCell cell)
    {
        m.Id = id;
        m.OrganizationId = cell.Id;
        var province = _provinces[cell.Province];
        var profile = cell.Profile;
        var elderlyPlace = profile is CellProfile.Village or CellProfile.Residential;

        var gender = _rng.Chance(FemaleShare(profile)) ? Gender.Female : Gender.Male;
        string fullName;
        do
        {
            (fullName, var drawn) = _names.Next();
            if (drawn == gender)
                break;
        } while (true);
        SetName(ref m, fullName);
        m.Gender = gender;

        // Status first: it decides which ages and dates are possible.
        var u = _rng.NextDouble();
        var status = u < 0.03 ? MemberStatus.Probationary
            : u < 0.03 + (elderlyPlace ? 0.03 : 0.002) ? MemberStatus.Deceased
            : u < 0.04 + (elderlyPlace ? 0.03 : 0.002) ? MemberStatus.Removed
            : u < 0.045 + (elderlyPlace ? 0.03 : 0.002) ? MemberStatus.Left
            : MemberStatus.Official;
        m.Status = status;
        m.NotRecognized = false;
        m.OfficialOn = null;
        m.RecognitionDecision = null;
        m.ExemptSince = null;
        m.EndedOn = null;
        m.EndingDecision = null;
        m.AdmissionDecision = _decisions[_rng.Next(1, 1000)];

        DateOnly birth;
        if (status == MemberStatus.Probationary)
        {
            var ceremony = _today.AddDays(-_rng.Next(1, 365));
            var admitted = ceremony.AddDays(-_rng.Next(3, 42));
            var (lo, hi) = _admissionAges.Next(_rng);
            birth = admitted.AddYears(-_rng.Next(lo, hi + 1)).AddDays(-_rng.Next(0, 365));
            m.AdmittedOn = admitted;
            m.CeremonyOn = ceremony;
        }
        else
        {
            var bands = status == MemberStatus.Deceased ? _agesAtDeath
                : elderlyPlace ? _allAges
                : profile is CellProfile.Army or CellProfile.Police ? _serviceAges
                : _workingAges;
            var (lo, hi) = bands.Next(_rng);
            birth = _today.AddYears(-_rng.Next(lo, hi + 1)).AddDays(-_rng.Next(1, 365));
            // The official date must have passed: admission at least 12 months and the ceremony weeks before today.
            var latest = _today.AddDays(-420);
            var (alo, ahi) = _admissionAges.Next(_rng);
            var admitted = birth.AddYears(_rng.Next(alo, ahi + 1)).AddDays(_rng.Next(0, 365));
            if (admitted > latest)
            {
                var earliest = birth.AddYears(18);
                admitted = earliest.AddDays(_rng.Next(0, Math.Max(1, latest.DayNumber - earliest.DayNumber)));
            }
            m.AdmittedOn = admitted;
            m.CeremonyOn = admitted.AddDays(_rng.Next(3, 42));
            var probationEnd = m.CeremonyOn.AddYears(1);
            var room = _today.DayNumber - probationEnd.DayNumber;
            if (status == MemberStatus.Removed && _rng.Chance(0.25) && room > 60)
            {
                // Not recognised at the end of probation: removed (xóa tên) without ever being official.
                m.NotRecognized = true;
                m.EndedOn = probationEnd.AddDays(_rng.Next(5, 40));
                m.EndingDecision = _decisions[_rng.Next(1, 1000)];
            }
            else
            {
                m.OfficialOn = probationEnd;
                m.RecognitionDecision = _decisions[_rng.Next(1, 1000)];
                if (status is MemberStatus.Deceased or MemberStatus.Left or MemberStatus.Removed)
                {
                    // Ended after becoming official, more often in recent years.
                    var span = Math.Max(1, Math.Min(room, 3650));
                    m.EndedOn = _today.AddDays(-(int)(span * _rng.NextDouble() * _rng.NextDouble()));
                    if (m.EndedOn <= probationEnd)
                        m.EndedOn = probationEnd.AddDays(1);
                    // An ending is never in the future (a probation ending about now would push it there): the status
                    // says ended, so the date must have passed, or the counts at today and the as-of views disagree.
                    if (m.EndedOn > _today)
                        m.EndedOn = _today;
                    m.EndingDecision = status == MemberStatus.Deceased ? null : _decisions[_rng.Next(1, 1000)];
                }
                else
                {
                    var age = Age(birth);
                    if (age >= 70 && _rng.Chance(age >= 80 ? 0.55 : 0.3))
                    {
                        var since = birth.AddYears(70 + _rng.Next(0, age - 69)).AddDays(_rng.Next(0, 365));
                        if (since <= probationEnd)
                            since = probationEnd.AddDays(1);
                        m.ExemptSince = since > _today ? _today : since;
                    }
                }
            }
        }

        m.BirthYearOnly = _rng.Chance(0.02);
        m.BirthDate = m.BirthYearOnly ? new DateOnly(birth.Year, 1, 1) : birth;

        m.CitizenId = _numbers.NextCitizenId(
            _rng.Chance(0.85) ? _rng.Pick(province.OldProvinceCodes) : _rng.Pick(_oldCodes), gender, m.BirthDate.Year);
        m.PartyCardNumber = status == MemberStatus.Probationary || m.NotRecognized
            ? null
            : _numbers.NextPartyCard(province.Code);

        m.Ethnicity = _ethnicities[cell.Province].Next(_rng);
        m.Religion = _religions[cell.Province].Next(_rng);
        m.GeneralEducation = birth.Year < 1962 && province.Region <= Region.NorthCentral && _rng.Chance(0.6) ? "10/10"
            : elderlyPlace && _rng.Chance(0.08) ? "9/12"
            : "12/12";
        m.Professional = Professional(profile);
        m.PoliticalTheory = status == MemberStatus.Probationary
            ? (_rng.Chance(0.75) ? PoliticalTheoryLevel.None : PoliticalTheoryLevel.Elementary)
            : Theory(profile);
        m.Hometown = Hometown(cell);
    }

    private int Age(DateOnly birth)
    {
        var age = _today.Year - birth.Year;
        return birth.AddYears(age) > _today ? age - 1 : age;
    }

    private static double FemaleShare(CellProfile profile) => profile switch
    {
        CellProfile.Village => 0.28,
        CellProfile.Residential => 0.35,
        CellProfile.School => 0.60,
        CellProfile.Health => 0.55,
        CellProfile.Agency => 0.38,
        CellProfile.Enterprise => 0.33,
        CellProfile.Army => 0.06,
        _ => 0.13,
    };

    private string? Professional(CellProfile profile)
    {
        var u = _rng.NextDouble();
        return profile switch
        {
            CellProfile.Village => u < 0.55 ? null : u < 0.75 ? "Trung cấp" : u < 0.85 ? "Cao đẳng" : "Đại học",
            CellProfile.Residential => u < 0.25 ? null : u < 0.45 ? "Trung cấp" : u < 0.55 ? "Cao đẳng" : u < 0.92 ? "Đại học" : "Thạc sĩ",
            CellProfile.School => u < 0.08 ? "Cao đẳng" : u < 0.78 ? "Đại học" : u < 0.98 ? "Thạc sĩ" : "Tiến sĩ",
            CellProfile.Health => u < 0.2 ? "Trung cấp" : u < 0.35 ? "Cao đẳng" : u < 0.85 ? "Đại học" : u < 0.97 ? "Thạc sĩ" : "Tiến sĩ",
            CellProfile.Agency => u < 0.05 ? "Cao đẳng" : u < 0.62 ? "Đại học" : u < 0.95 ? "Thạc sĩ" : "Tiến sĩ",
            CellProfile.Enterprise => u < 0.25 ? null : u < 0.45 ? "Trung cấp" : u < 0.6 ? "Cao đẳng" : u < 0.95 ? "Đại học" : "Thạc sĩ",
            _ => u < 0.25 ? "Trung cấp" : u < 0.35 ? "Cao đẳng" : u < 0.9 ? "Đại học" : "Thạc sĩ",
        };
    }

    private PoliticalTheoryLevel Theory(CellProfile profile)
    {
        var u = _rng.NextDouble();
        var (none, elementary, intermediate, advanced) = profile switch
        {
            CellProfile.Village => (0.30, 0.90, 0.98, 0.995),
            CellProfile.Residential => (0.20, 0.65, 0.88, 0.98),
            CellProfile.Agency => (0.05, 0.35, 0.75, 0.97),
            CellProfile.Army or CellProfile.Police => (0.10, 0.55, 0.87, 0.98),
            _ => (0.20, 0.75, 0.95, 0.99),
        };
        return u < none ? PoliticalTheoryLevel.None
            : u < elementary ? PoliticalTheoryLevel.Elementary
            : u < intermediate ? PoliticalTheoryLevel.Intermediate
            : u < advanced ? PoliticalTheoryLevel.Advanced
            : PoliticalTheoryLevel.Bachelor;
    }

    private string? Hometown(in PlannedCell cell)
    {
        if (cell.Commune >= 0 && _rng.Chance(0.8))
            return _communes[cell.Commune].HometownText;
        var own = _communesByProvince[cell.Province];
        return own.Length == 0 ? null : _communes[own[_rng.Next(own.Length)]].HometownText;
    }

    /// <summary>The same split as PersonName.Parse for the generator's "family middle given" names, and the same fold
    /// as VietnameseText.Fold, with the parts' folds cached (a few thousand distinct syllables).</summary>
    private void SetName(ref MemberRecord m, string fullName)
    {
        var first = fullName.IndexOf(' ');
        var last = fullName.LastIndexOf(' ');
        m.FullName = fullName;
        m.FamilyName = fullName[..first];
        m.MiddleName = first == last ? "" : fullName[(first + 1)..last];
        m.GivenName = fullName[(last + 1)..];
        m.NameFolded = string.Concat(Fold(m.FamilyName), " ", Fold(m.MiddleName), " ", Fold(m.GivenName));
    }

    private string Fold(string part)
    {
        if (!_folded.TryGetValue(part, out var folded))
            _folded[part] = folded = VietnameseText.Fold(part);
        return folded;
    }
}

/// <summary>
/// Unique CCCD and party card numbers by construction, without remembering millions of issued numbers: within each
/// prefix a counter is mapped through a bijection of the serial range (multiplication by a number coprime to its
/// size), so serials look random but never repeat. Numbers already in the database are skipped.
/// </summary>
internal sealed class IdentityNumbers(IReadOnlySet<string> existingCitizenIds, IReadOnlySet<string> existingCards)
{
    private const int CitizenSerials = 1_000_000;
    private const int CardSerials = 100_000_000;
    private readonly int[] _citizenCounters = new int[100 * 4 * 100];
    private readonly int[] _cardCounters = new int[100];

    /// <summary>
    /// 12 digits: the province of birth registration (3 digits, the pre-2025 province code), the century and sex
    /// (0/1 man/woman born 1900–1999, 2/3 born 2000–2099), the last two digits of the birth year, 6 serial digits.
    /// </summary>
    public string NextCitizenId(string oldProvinceCode, Gender gender, int birthYear)
    {
        var province = int.Parse(oldProvinceCode);
        var centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender == Gender.Female ? 1 : 0);
        var yy = birthYear % 100;
        var key = (province * 4 + centuryGender) * 100 + yy;
        while (true)
        {
            var counter = _citizenCounters[key]++;
            if (counter >= CitizenSerials)
                throw new InvalidOperationException($"CCCD serials exhausted for {oldProvinceCode}/{birthYear}");
            var serial = (int)((counter * 7919L + key * 104_729L) % CitizenSerials);
            var id = string.Create(12, (province, centuryGender, yy, serial), static (span, v) =>
            {
                span[0] = '0';
                span[1] = (char)('0' + v.province / 10);
                span[2] = (char)('0' + v.province % 10);
                span[3] = (char)('0' + v.centuryGender);
                span[4] = (char)('0' + v.yy / 10);
                span[5] = (char)('0' + v.yy % 10);
                var s = v.serial;
                for (var i = 11; i >= 6; i--, s /= 10)
                    span[i] = (char)('0' + s % 10);
            });
            if (!existingCitizenIds.Contains(id))
                return id;
        }
    }

    /// <summary>10 digits: the province code of the committee that issued it, 8 serial digits.</summary>
    public string NextPartyCard(string provinceCode)
    {
        var prefix = int.Parse(provinceCode);
        while (true)
        {
            var counter = _cardCounters[prefix]++;
            if (counter >= CardSerials)
                throw new InvalidOperationException($"party card serials exhausted for {provinceCode}");
            var serial = (int)((counter * 48_271L + prefix * 7_654_321L) % CardSerials);
            var card = string.Create(10, (prefix, serial), static (span, v) =>
            {
                span[0] = (char)('0' + v.prefix / 10);
                span[1] = (char)('0' + v.prefix % 10);
                var s = v.serial;
                for (var i = 9; i >= 2; i--, s /= 10)
                    span[i] = (char)('0' + s % 10);
            });
            if (!existingCards.Contains(card))
                return card;
        }
    }
}
