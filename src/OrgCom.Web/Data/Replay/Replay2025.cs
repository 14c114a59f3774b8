using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Core.Text;
using OrgCom.Web.Data.Seed;

namespace OrgCom.Web.Data.Replay;

public sealed record ReplayReport(int ProvincesBefore, int ProvincesAfter, int Districts, int CommunesBefore, int CommunesAfter,
    int Members, int Reorganizations);

/// <summary>
/// The <c>replay-2025</c> demo: into an empty (migrated) database, the party tree as it stood before 1 July 2025 — the
/// Centre, 63 provincial committees, 696 district committees, one committee per commune (10,047) each leading one chi
/// bộ with a few synthetic members — then the 2025 reorganization applied from the mapping data, effective 01/07/2025:
/// <list type="bullet">
/// <item>each of the 3,321 new communes is established under its province by a decision, and the old communes mapped to
/// it are merged into it (their chi bộ follow, with their members: a member's history survives the reparenting);</item>
/// <item>an old commune split over several new ones goes whole to one of them: the first row of the mapping whose
/// check against the published text says the new unit names it (<c>match</c>, <c>unchanged</c>, <c>fuzzy-match</c>,
/// <c>manually-corrected</c>), else its first row — so every member lands in exactly one successor;</item>
/// <item>the 5 island districts are merged into the special zones (đặc khu) they became, the other districts end
/// (dissolved, no district level after 1 July 2025);</item>
/// <item>63 provinces → 34: the provinces merged into one keep the committee of the province whose code the new one
/// carries (renamed if its name changed), by decisions 321-QĐ/TW onwards.</item>
/// </list>
/// The history is written as the same rows a merge through <see cref="Features.Organizations.ReorganizationService"/>
/// writes (reorganizations, organization events with their reorganization id, member placements), set-based by COPY so
/// the whole country replays in seconds; the versions follow from the events by the database trigger. Each reorganization
/// gets an audit line. Decision numbers and founding dates are synthetic.
/// </summary>
public sealed class Replay2025(string connectionString, TextWriter output)
{
    public const string Actor = "(replay-2025)";
    public static readonly DateOnly Reform = new(2025, 7, 1);
    public static readonly DateOnly Founded = new(2020, 1, 1);
    private const string DistrictEndDecision = "60-NQ/TW";
    private static readonly string[] Confirmed = ["match", "unchanged", "fuzzy-match", "manually-corrected"];

    public static readonly Error NotEmpty = new("replay.not_empty",
        "replay-2025 cần một cơ sở dữ liệu trống (chỉ chạy 'migrate', không nạp dữ liệu mẫu).");

    private sealed record Org(long Id, string Code, string Name, OrganizationKind Kind, long? ParentId, DateOnly EstablishedOn,
        string Decision, DateOnly? DissolvedOn, string? UnitCode);

    private sealed record Ev(long OrganizationId, OrganizationEventKind Kind, DateOnly On, string? Decision,
        long? FromParent = null, long? ToParent = null, string? FromName = null, string? ToName = null, long? Other = null, long? Reorganization = null);

    private sealed record Reorg(long Id, long OrganizationId, string Decision, string Summary, int OrganizationsMoved);

    /// <summary>Which new commune an old commune (or island district) goes to, by the documented rule.</summary>
    public static Dictionary<string, string> Successors()
    {
        var rows = ReferenceData.ReadCsv("communes-2025-mapping.csv").ToList();
        return rows.GroupBy(r => r["old_code"]).ToDictionary(g => g.Key,
            g => (g.FirstOrDefault(r => Confirmed.Contains(r["check_vs_bando_text"])) ?? g.First())["new_code"]);
    }

    public async Task<Result<ReplayReport>> RunAsync(int membersPerCommune, int seed, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            CommandTimeout = 0, Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, "lock table organizations, organization_events, members in share row exclusive mode", ct);
        await using (var check = new NpgsqlCommand("select exists (select 1 from organizations)", connection))
            if ((bool)(await check.ExecuteScalarAsync(ct))!)
                return NotEmpty;

        // The state of 1 July 2025: the shipped files are of 30/04/2026; undo the later changes of names and types.
        var changed = ReferenceData.ReadCsv("units-changes-after-2025-07-01.csv")
            .Where(r => r["level"] == "commune").ToDictionary(r => r["code"], r => r["full_name_2025_07_01"]);
        var orgs = new List<Org>();
        var events = new List<Ev>();
        var reorgs = new List<Reorg>();
        long nextId = 1;
        var centre = new Org(nextId++, "TW", "Trung ương", OrganizationKind.Centre, null, new DateOnly(1930, 2, 3), "1-QĐ/TW", null, null);
        orgs.Add(centre);
        events.Add(new Ev(centre.Id, OrganizationEventKind.Established, centre.EstablishedOn, centre.Decision, ToName: centre.Name));

        // Before: provinces, districts, communes, one cell each.
        var oldProvinces = ReferenceData.ReadCsv("provinces-pre2025.csv").ToList();
        var province = new Dictionary<string, long>();
        var provinceName = new Dictionary<string, string>();
        foreach (var p in oldProvinces)
        {
            var name = $"Đảng bộ {(p["type"] == "Tỉnh" ? "tỉnh" : "thành phố")} {p["name"]}";
            province[p["code"]] = nextId;
            provinceName[p["code"]] = name;
            Establish(orgs, events, nextId++, "T" + p["code"], name, OrganizationKind.ProvincialCommittee, centre.Id, Founded, "1-QĐ/TW");
        }
        var district = new Dictionary<string, long>();
        var districtProvince = new Dictionary<string, string>();
        foreach (var d in ReferenceData.ReadCsv("districts-pre2025.csv"))
        {
            district[d["code"]] = nextId;
            districtProvince[d["code"]] = d["province_code"];
            Establish(orgs, events, nextId++, "H" + d["code"], $"Đảng bộ {d["type"].ToLowerInvariant()} {d["name"]}",
                OrganizationKind.DistrictCommittee, province[d["province_code"]], Founded, "2-QĐ/TU");
        }
        var commune = new Dictionary<string, (long Id, long Cell, long District, string Name)>();
        foreach (var c in ReferenceData.ReadCsv("communes-pre2025.csv"))
        {
            var id = nextId++;
            var cell = nextId++;
            var name = $"Đảng bộ {c["type"].ToLowerInvariant()} {c["name"]}";
            Establish(orgs, events, id, "XC" + c["code"], name, OrganizationKind.CommuneCommittee, district[c["district_code"]], Founded, "3-QĐ/HU");
            Establish(orgs, events, cell, $"XC{c["code"]}.CB", $"Chi bộ {c["full_name"]}", OrganizationKind.Cell, id, Founded, "4-QĐ/ĐU");
            commune[c["code"]] = (id, cell, district[c["district_code"]], name);
        }

        // After: 34 provinces (the committee of the province whose code the new one keeps), 3,321 new communes.
        var newProvinces = ReferenceData.ReadCsv("provinces-2025.csv").ToList();
        var survivor = new Dictionary<string, long>();
        var provinceDecision = 321;
        var provinceMerges = new List<(string NewCode, Reorg Reorg, List<string> Absorbed, string? NewName)>();
        foreach (var p in newProvinces)
        {
            survivor[p["code"]] = province[p["code"]];
            var olds = p["old_province_codes"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(c => c != p["code"]).ToList();
            var newName = $"Đảng bộ {(p["type"] == "Tỉnh" || p["code"] == "75" ? "tỉnh" : "thành phố")} {p["name"]}";
            if (olds.Count == 0 && newName == provinceName[p["code"]])
                continue;
            var decision = $"{provinceDecision++}-QĐ/TW";
            var reorg = new Reorg(nextId++, province[p["code"]], decision,
                $"{string.Join(", ", olds.Select(o => provinceName[o]))} → {newName}", olds.Count);
            provinceMerges.Add((p["code"], reorg, olds, newName == provinceName[p["code"]] ? null : newName));
        }

        var successors = Successors();
        var mapping = ReferenceData.ReadCsv("communes-2025-mapping.csv").ToList();
        var islandDistricts = mapping.Where(r => r["old_level"] == "district").ToDictionary(r => r["old_code"], r => r["new_code"]);
        var newCommunes = ReferenceData.ReadCsv("communes-2025.csv").ToList();
        var newCommuneId = new Dictionary<string, long>();
        var communeReorgs = new List<(Reorg Reorg, string Code, List<string> Olds, List<string> Islands)>();
        foreach (var c in newCommunes)
        {
            var fullName = changed.GetValueOrDefault(c["code"], c["full_name"]);
            var type = fullName.Split(' ')[0] == "Đặc" ? "đặc khu" : fullName.Split(' ')[0].ToLowerInvariant();
            var name = $"Đảng bộ {type} {fullName[(fullName.StartsWith("Đặc khu") ? 8 : fullName.IndexOf(' ') + 1)..]}";
            var id = nextId++;
            newCommuneId[c["code"]] = id;
            var decision = $"{100 + int.Parse(c["code"]) % 900}-QĐ/TU";
            var olds = successors.Where(s => s.Value == c["code"] && commune.ContainsKey(s.Key)).Select(s => s.Key).OrderBy(k => k).ToList();
            var islands = islandDistricts.Where(i => i.Value == c["code"]).Select(i => i.Key).ToList();
            var reorg = new Reorg(nextId++, id, decision,
                $"{string.Join(", ", olds.Select(o => commune[o].Name).Concat(islands.Select(i => "huyện " + i)))} → {name}", olds.Count + islands.Count);
            communeReorgs.Add((reorg, c["code"], olds, islands));
            orgs.Add(new Org(id, "X" + c["code"], name, OrganizationKind.CommuneCommittee, survivor[c["province_code"]], Reform, decision, null, c["code"]));
            events.Add(new Ev(id, OrganizationEventKind.Established, Reform, decision, ToParent: survivor[c["province_code"]], ToName: name, Reorganization: reorg.Id));
        }

        // The events of 1 July 2025, in the order they happened: communes merged, districts ended, provinces merged.
        var finalParent = new Dictionary<long, long>();
        var dissolved = new HashSet<long>();
        foreach (var (reorg, code, olds, islands) in communeReorgs)
        {
            var target = newCommuneId[code];
            foreach (var old in olds)
            {
                var (id, cell, districtId, name) = commune[old];
                events.Add(new Ev(cell, OrganizationEventKind.Moved, Reform, reorg.Decision, FromParent: id, ToParent: target, Reorganization: reorg.Id));
                finalParent[cell] = target;
                events.Add(new Ev(id, OrganizationEventKind.Merged, Reform, reorg.Decision, FromParent: districtId, Other: target, Reorganization: reorg.Id));
                events.Add(new Ev(target, OrganizationEventKind.Absorbed, Reform, reorg.Decision, ToName: name, Other: id, Reorganization: reorg.Id));
                finalParent[id] = target;
                dissolved.Add(id);
            }
            foreach (var island in islands)
            {
                var id = district[island];
                events.Add(new Ev(id, OrganizationEventKind.Merged, Reform, reorg.Decision, FromParent: province[districtProvince[island]], Other: target, Reorganization: reorg.Id));
                events.Add(new Ev(target, OrganizationEventKind.Absorbed, Reform, reorg.Decision, Other: id, ToName: orgs.First(o => o.Id == id).Name, Reorganization: reorg.Id));
                finalParent[id] = target;
                dissolved.Add(id);
            }
            reorgs.Add(reorg);
        }
        foreach (var (code, id) in district)
            if (!dissolved.Contains(id))
            {
                events.Add(new Ev(id, OrganizationEventKind.Dissolved, Reform, DistrictEndDecision, FromParent: province[districtProvince[code]]));
                dissolved.Add(id);
            }
        foreach (var (newCode, reorg, absorbed, newName) in provinceMerges)
        {
            var target = province[newCode];
            foreach (var old in absorbed)
            {
                events.Add(new Ev(province[old], OrganizationEventKind.Merged, Reform, reorg.Decision, FromParent: centre.Id, Other: target, Reorganization: reorg.Id));
                events.Add(new Ev(target, OrganizationEventKind.Absorbed, Reform, reorg.Decision, ToName: provinceName[old], Other: province[old], Reorganization: reorg.Id));
                finalParent[province[old]] = target;
                dissolved.Add(province[old]);
            }
            if (newName is not null)
                events.Add(new Ev(target, OrganizationEventKind.Renamed, Reform, reorg.Decision, FromName: provinceName[newCode], ToName: newName, Reorganization: reorg.Id));
            reorgs.Add(reorg);
        }
        var renamed = provinceMerges.Where(m => m.NewName is not null).ToDictionary(m => province[m.NewCode], m => m.NewName!);

        // Current state = after the reorganization; parents are written before children for the path trigger.
        var final = orgs.Select(o => o with
        {
            ParentId = finalParent.TryGetValue(o.Id, out var p) ? p : o.ParentId,
            DissolvedOn = dissolved.Contains(o.Id) ? Reform : null,
            Name = renamed.GetValueOrDefault(o.Id, o.Name),
        }).ToDictionary(o => o.Id);
        var ordered = new List<Org>();
        var placed = new HashSet<long>();
        void Place(Org o)
        {
            if (placed.Contains(o.Id))
                return;
            if (o.ParentId is { } parent)
                Place(final[parent]);
            placed.Add(o.Id);
            ordered.Add(o);
        }
        foreach (var o in final.Values.OrderBy(o => o.Id))
            Place(o);

        using (var w = connection.BeginBinaryImport("""
            copy organizations (id, code, name, kind, parent_id, established_on, establishing_decision, dissolved_on, administrative_unit_code)
            from stdin (format binary)
            """))
        {
            foreach (var o in ordered)
            {
                w.StartRow();
                w.Write(o.Id, NpgsqlDbType.Bigint);
                w.Write(o.Code, NpgsqlDbType.Varchar);
                w.Write(o.Name, NpgsqlDbType.Varchar);
                w.Write(o.Kind.ToString(), NpgsqlDbType.Varchar);
                Nullable(w, o.ParentId);
                w.Write(o.EstablishedOn, NpgsqlDbType.Date);
                w.Write(o.Decision, NpgsqlDbType.Varchar);
                if (o.DissolvedOn is { } d) w.Write(d, NpgsqlDbType.Date); else w.WriteNull();
                if (o.UnitCode is null) w.WriteNull(); else w.Write(o.UnitCode, NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync(ct);
        }
        using (var w = connection.BeginBinaryImport("""
            copy reorganizations (id, kind, organization_id, effective_on, decision_number, summary, members_moved, organizations_moved, status, recorded_by)
            from stdin (format binary)
            """))
        {
            foreach (var r in reorgs)
            {
                w.StartRow();
                w.Write(r.Id, NpgsqlDbType.Bigint);
                w.Write(nameof(ReorganizationKind.Merge), NpgsqlDbType.Varchar);
                w.Write(r.OrganizationId, NpgsqlDbType.Bigint);
                w.Write(Reform, NpgsqlDbType.Date);
                w.Write(r.Decision, NpgsqlDbType.Varchar);
                w.Write(r.Summary.Length > Reorganization.MaxSummaryLength ? r.Summary[..Reorganization.MaxSummaryLength] : r.Summary, NpgsqlDbType.Varchar);
                w.Write(0, NpgsqlDbType.Integer);
                w.Write(r.OrganizationsMoved, NpgsqlDbType.Integer);
                w.Write(nameof(ReorganizationStatus.Applied), NpgsqlDbType.Varchar);
                w.Write(Actor, NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync(ct);
        }
        using (var w = connection.BeginBinaryImport("""
            copy organization_events (organization_id, kind, effective_on, decision_number, from_parent_id, to_parent_id, from_name, to_name,
                other_organization_id, reorganization_id, recorded_by)
            from stdin (format binary)
            """))
        {
            foreach (var e in events)
            {
                w.StartRow();
                w.Write(e.OrganizationId, NpgsqlDbType.Bigint);
                w.Write(e.Kind.ToString(), NpgsqlDbType.Varchar);
                w.Write(e.On, NpgsqlDbType.Date);
                if (e.Decision is null) w.WriteNull(); else w.Write(e.Decision, NpgsqlDbType.Varchar);
                Nullable(w, e.FromParent);
                Nullable(w, e.ToParent);
                if (e.FromName is null) w.WriteNull(); else w.Write(e.FromName, NpgsqlDbType.Varchar);
                if (e.ToName is null) w.WriteNull(); else w.Write(e.ToName, NpgsqlDbType.Varchar);
                Nullable(w, e.Other);
                Nullable(w, e.Reorganization);
                w.Write(Actor, NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync(ct);
        }

        // Members: a few per old commune's cell, placed there since their record began; they never move — their cell does.
        var random = new Random(seed);
        var names = NameGenerator.Load(random);
        long memberId = 1;
        var cells = commune.Values.Select(c => c.Cell).OrderBy(c => c).ToList();
        using (var w = connection.BeginBinaryImport("""
            copy members (id, organization_id, full_name, family_name, middle_name, given_name, name_folded, gender, birth_date,
                birth_year_only, status, admitted_on, admission_decision_number, ceremony_on, official_on, ethnicity, religion)
            from stdin (format binary)
            """))
        {
            foreach (var cell in cells)
                for (var i = 0; i < membersPerCommune; i++)
                {
                    var (fullName, gender) = names.Next();
                    var parts = PersonName.Parse(fullName);
                    var birth = new DateOnly(random.Next(1950, 1998), random.Next(1, 13), random.Next(1, 29));
                    var admitted = birth.AddYears(20 + random.Next(0, 6)).AddDays(random.Next(0, 365));
                    var ceremony = admitted.AddDays(random.Next(5, 30));
                    w.StartRow();
                    w.Write(memberId++, NpgsqlDbType.Bigint);
                    w.Write(cell, NpgsqlDbType.Bigint);
                    w.Write(fullName, NpgsqlDbType.Varchar);
                    w.Write(parts.FamilyName, NpgsqlDbType.Varchar);
                    w.Write(parts.MiddleName, NpgsqlDbType.Varchar);
                    w.Write(parts.GivenName, NpgsqlDbType.Varchar);
                    w.Write(VietnameseText.Fold(fullName), NpgsqlDbType.Varchar);
                    w.Write(gender.ToString(), NpgsqlDbType.Varchar);
                    w.Write(birth, NpgsqlDbType.Date);
                    w.Write(false, NpgsqlDbType.Boolean);
                    w.Write(nameof(MemberStatus.Official), NpgsqlDbType.Varchar);
                    w.Write(admitted, NpgsqlDbType.Date);
                    w.Write($"{random.Next(1, 999)}-QĐ/HU", NpgsqlDbType.Varchar);
                    w.Write(ceremony, NpgsqlDbType.Date);
                    w.Write(ceremony.AddYears(1), NpgsqlDbType.Date);
                    w.Write("Kinh", NpgsqlDbType.Varchar);
                    w.Write("Không", NpgsqlDbType.Varchar);
                }
            await w.CompleteAsync(ct);
        }
        var members = (int)(memberId - 1);
        await ExecuteAsync(connection, $"""
            insert into member_placements (member_id, organization_id, valid_from) select id, organization_id, null from members;
            insert into member_events (member_id, kind, effective_on, decision_number, organization_id, recorded_by)
            select id, 'CeremonyHeld', ceremony_on, admission_decision_number, organization_id, '{Actor}' from members;
            insert into audit_log (occurred_at, user_name, action, entity_type, entity_key, organization_id, changes, reason)
            select now(), '{Actor}', 'Insert', 'reorganizations', r.id::text, r.organization_id,
                   jsonb_build_object('Summary', jsonb_build_object('old', null, 'new', r.summary)), 'Quyết định ' || r.decision_number
            from reorganizations r;
            select setval(pg_get_serial_sequence('organizations', 'id'), (select max(id) from organizations));
            select setval(pg_get_serial_sequence('reorganizations', 'id'), (select max(id) from reorganizations));
            select setval(pg_get_serial_sequence('members', 'id'), greatest((select max(id) from members), 1));
            """, ct);
        await transaction.CommitAsync(ct);
        await ExecuteAsync(connection, "analyze organizations, organization_events, organization_versions, members, member_placements", ct);

        var report = new ReplayReport(oldProvinces.Count, newProvinces.Count, district.Count, commune.Count, newCommunes.Count, members, reorgs.Count);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        output.WriteLine($"[orgcom] Trước 01/07/2025: {report.ProvincesBefore} tỉnh, {report.Districts.ToString("N0", vi)} huyện, "
            + $"{report.CommunesBefore.ToString("N0", vi)} xã, {members.ToString("N0", vi)} đảng viên.");
        output.WriteLine($"[orgcom] Từ 01/07/2025: {report.ProvincesAfter} tỉnh, không còn cấp huyện, {report.CommunesAfter.ToString("N0", vi)} xã "
            + $"({report.Reorganizations.ToString("N0", vi)} quyết định hợp nhất, sáp nhập).");
        return report;
    }

    private static void Establish(List<Org> orgs, List<Ev> events, long id, string code, string name, OrganizationKind kind,
        long parent, DateOnly on, string decision)
    {
        orgs.Add(new Org(id, code, name, kind, parent, on, decision, null, null));
        events.Add(new Ev(id, OrganizationEventKind.Established, on, decision, ToParent: parent, ToName: name));
    }

    private static void Nullable(NpgsqlBinaryImporter w, long? value)
    {
        if (value is { } v)
            w.Write(v, NpgsqlDbType.Bigint);
        else
            w.WriteNull();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
