using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data.Seed;

namespace OrgCom.Web.Data.Generate;

public sealed record GenerationOptions(int Members = 5_600_000, int Organizations = 300_000, int Seed = 2026);

public sealed record GenerationReport(int Organizations, int Members, long MemberEvents, TimeSpan Elapsed);

/// <summary>
/// Adds a national-scale party to a database that holds the demo seed: about <see cref="GenerationOptions.Organizations"/>
/// organizations under the commune, provincial and central committees, and exactly
/// <see cref="GenerationOptions.Members"/> members in their cells with their membership events — for load tests and
/// benchmarks. Everything goes in through binary COPY in one transaction (an interrupted run leaves nothing behind);
/// the big secondary indexes and the foreign keys of the member tables are dropped for the load and rebuilt after it,
/// which is several times faster than maintaining them row by row. Members are streamed in batches, so memory does not
/// grow with their number. Generated data is marked by <see cref="Actor"/> in the events, and a second run is refused.
/// </summary>
public sealed class NationalGenerator(string connectionString, TimeProvider clock, TextWriter output)
{
    public const string Actor = "(dữ liệu sinh toàn quốc)";
    private const int Batch = 100_000;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] LoadedTables = ["members", "member_events", "member_name_syllables", "member_placements"];

    public static readonly Error DemoSeedMissing = new("generate.seed",
        "Cơ sở dữ liệu chưa có dữ liệu mẫu (Trung ương, các tỉnh và các xã, phường). Hãy chạy 'seed-demo' trước rồi chạy lại 'generate'.");
    public static readonly Error AlreadyGenerated = new("generate.present",
        "Cơ sở dữ liệu này đã có dữ liệu sinh toàn quốc (từ một lần chạy 'generate' trước), không sinh thêm. "
        + "Muốn sinh lại, hãy tạo một cơ sở dữ liệu mới (migrate, seed-demo) rồi chạy 'generate'.");

    public static Error? Validate(GenerationOptions options) => options switch
    {
        { Members: < 0 or > 20_000_000 } => new("generate.members", "Số đảng viên (--members) phải từ 0 đến 20.000.000."),
        { Organizations: < 100 or > 2_000_000 } => new("generate.organizations", "Số tổ chức (--organizations) phải từ 100 đến 2.000.000."),
        _ => null,
    };

    public async Task<Result<GenerationReport>> RunAsync(GenerationOptions options, CancellationToken ct)
    {
        if (Validate(options) is { } invalid)
            return invalid;
        var total = Stopwatch.StartNew();
        var today = Infrastructure.VietnamTime.Today(clock);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            CommandTimeout = 0, Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Also keeps a second generate from running at the same time (this lock mode conflicts with itself).
        await ExecuteAsync(connection, "lock table organizations, organization_events, members, member_events in share row exclusive mode", ct);

        var provinces = ProvinceProfile.Load();
        var (anchors, codes) = await AnchorsAsync(connection, ct);
        var centre = anchors.Values.FirstOrDefault(a => a.Kind == OrganizationKind.Centre);
        var communes = Communes(anchors, provinces);
        if (centre is null || communes.Count == 0)
            return DemoSeedMissing;
        if (await ScalarAsync<bool>(connection, "select exists (select 1 from organization_events where recorded_by = @actor)", ct, ("actor", Actor)))
            return AlreadyGenerated;

        output.WriteLine($"[orgcom] Sinh dữ liệu toàn quốc: khoảng {N(options.Organizations)} tổ chức, {N(options.Members)} đảng viên (seed {options.Seed}).");
        var rng = new Rng(options.Seed);
        var clockPlan = Stopwatch.StartNew();
        var planner = new TreePlanner(rng, provinces, communes,
            provinces.Select(p => anchors.GetValueOrDefault("T" + p.Code)).OfType<Anchor>().ToDictionary(a => a.Code[1..]),
            UnitCatalog.Central.Select(c => anchors.GetValueOrDefault(c.Code)).OfType<Anchor>().ToDictionary(a => a.Code),
            codes,
            await ScalarAsync<long>(connection, "select coalesce(max(id), 0) + 1 from organizations", ct));
        planner.Plan(options.Organizations);
        output.WriteLine($"[orgcom]   lập cây tổ chức: {N(planner.Organizations.Count)} tổ chức, {N(planner.Cells.Count)} chi bộ ({Seconds(clockPlan.Elapsed)})");
        if (planner.Cells.Count == 0 && options.Members > 0)
            return new Error("generate.cells", "Số tổ chức quá ít để có chi bộ nhận đảng viên; hãy tăng --organizations.");

        var step = Stopwatch.StartNew();
        CopyOrganizations(connection, planner.Organizations);
        Report("tổ chức đảng (COPY, trigger đặt path)", planner.Organizations.Count, step.Elapsed);
        step.Restart();
        CopyOrganizationEvents(connection, planner.Organizations);
        Report("sự kiện thành lập tổ chức", planner.Organizations.Count, step.Elapsed);

        step.Restart();
        var (indexes, foreignKeys) = await DropForLoadAsync(connection, ct);
        output.WriteLine($"[orgcom]   bỏ {indexes.Count} chỉ mục phụ và {foreignKeys.Count} khóa ngoại của bảng đảng viên trong lúc nạp ({Seconds(step.Elapsed)})");

        var numbers = new IdentityNumbers(
            (await ListAsync(connection, "select citizen_id from members where citizen_id is not null", ct)).ToHashSet(),
            (await ListAsync(connection, "select party_card_number from members where party_card_number is not null", ct)).ToHashSet());
        var names = NameGenerator.Load(new Random(options.Seed));
        var synthesizer = new MemberSynthesizer(rng, names, today, provinces, communes, numbers);
        var firstMemberId = await ScalarAsync<long>(connection, "select coalesce(max(id), 0) + 1 from members", ct);
        // The name index's row trigger would run once per member: it is off for the load, and the syllables of the
        // new members are inserted in one statement (the same SQL as the trigger's, from the migration).
        await ExecuteAsync(connection, "alter table members disable trigger member_name_syllables_insert", ct);
        // The statistics pre-aggregates (member_counts, member_flows) are recomputed in two statements after the load.
        foreach (var trigger in Migrations.StatisticsStoredFlows.Triggers)
            await ExecuteAsync(connection, $"alter table {trigger.Split(':')[0]} disable trigger {trigger.Split(':')[1]}", ct);
        var (memberTime, eventTime, events) = CopyMembers(connection, planner.Cells, options.Members, firstMemberId, synthesizer, ct);
        Report("đảng viên", options.Members, memberTime);
        Report("sự kiện đảng viên", events, eventTime);
        step.Restart();
        await ExecuteAsync(connection, "alter table members enable trigger member_name_syllables_insert", ct);
        await ExecuteAsync(connection, Migrations.MemberNameSyllables.InsertVocabulary("members", $"m.id >= {firstMemberId}"), ct);
        var syllables = await ExecuteAsync(connection, Migrations.MemberNameSyllables.InsertRows("members", $"m.id >= {firstMemberId}"), ct);
        Report("âm tiết và cặp âm tiết họ tên (chỉ mục tìm kiếm)", syllables, step.Elapsed);
        step.Restart();
        // Where each member is registered, since their record began: what the as-of queries read (ADR 0008). The
        // organizations' versions follow from their events by the database's statement trigger.
        var placements = await ExecuteAsync(connection,
            $"insert into member_placements (member_id, organization_id, valid_from) select id, organization_id, null from members where id >= {firstMemberId}", ct);
        Report("nơi sinh hoạt của đảng viên (lịch sử theo ngày)", placements, step.Elapsed);
        step.Restart();
        foreach (var trigger in Migrations.StatisticsStoredFlows.Triggers)
            await ExecuteAsync(connection, $"alter table {trigger.Split(':')[0]} enable trigger {trigger.Split(':')[1]}", ct);
        await ExecuteAsync(connection, Migrations.StatisticsRowLevels.Rebuild, ct);
        output.WriteLine($"[orgcom]   số liệu tổng hợp cho báo cáo thống kê (member_counts, member_flows): {Seconds(step.Elapsed)}");

        step.Restart();
        await ExecuteAsync(connection, "set local maintenance_work_mem = '1GB'", ct);
        foreach (var (name, definition) in indexes)
        {
            var one = Stopwatch.StartNew();
            await ExecuteAsync(connection, definition, ct);
            output.WriteLine($"[orgcom]     chỉ mục {name}: {Seconds(one.Elapsed)}");
        }
        foreach (var (table, name, definition) in foreignKeys)
        {
            var one = Stopwatch.StartNew();
            await ExecuteAsync(connection, $"alter table {table} add constraint {name} {definition}", ct);
            output.WriteLine($"[orgcom]     khóa ngoại {name}: {Seconds(one.Elapsed)}");
        }
        await ExecuteAsync(connection, """
            select setval(pg_get_serial_sequence('organizations', 'id'), (select max(id) from organizations));
            select setval(pg_get_serial_sequence('members', 'id'), greatest((select max(id) from members), 1));
            """, ct);
        output.WriteLine($"[orgcom]   tạo lại chỉ mục và khóa ngoại: {Seconds(step.Elapsed)}");
        step.Restart();
        await transaction.CommitAsync(ct);
        output.WriteLine($"[orgcom]   commit: {Seconds(step.Elapsed)}");

        // Outside the transaction: fresh statistics for the planner, and the visibility map set so that index-only
        // scans (the member list) need not visit the table.
        step.Restart();
        await ExecuteAsync(connection, "vacuum (analyze) organizations, organization_events, organization_versions, members, member_events, member_placements, member_name_syllables, name_syllables, member_counts, member_flows", ct);
        output.WriteLine($"[orgcom]   VACUUM ANALYZE: {Seconds(step.Elapsed)}");

        output.WriteLine($"[orgcom] Xong: {N(planner.Organizations.Count)} tổ chức, {N(options.Members)} đảng viên, {N(events)} sự kiện trong {Seconds(total.Elapsed)}.");
        return new GenerationReport(planner.Organizations.Count, options.Members, events, total.Elapsed);
    }

    private (TimeSpan Members, TimeSpan Events, long EventCount) CopyMembers(NpgsqlConnection connection,
        IReadOnlyList<PlannedCell> cells, int members, long firstId, MemberSynthesizer synthesizer, CancellationToken ct)
    {
        var sizes = Apportion.Split(members, cells.Select(c => (double)c.Weight).ToArray());
        var batch = new MemberRecord[Batch];
        var memberTime = TimeSpan.Zero;
        var eventTime = TimeSpan.Zero;
        long events = 0;
        var nextId = firstId;
        var cellIndex = 0;
        var leftInCell = sizes.Length > 0 ? sizes[0] : 0;
        var written = 0;
        var progress = Stopwatch.StartNew();
        while (written < members)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, members - written);
            var step = Stopwatch.StartNew();
            using (var importer = connection.BeginBinaryImport("""
                copy members (id, organization_id, full_name, family_name, middle_name, given_name, name_folded, gender,
                    birth_date, birth_year_only, status, admitted_on, admission_decision_number, ceremony_on, official_on,
                    exempt_since, ended_on, citizen_id, party_card_number, hometown, ethnicity, religion, general_education,
                    professional, political_theory) from stdin (format binary)
                """))
            {
                for (var i = 0; i < count; i++)
                {
                    while (leftInCell == 0)
                        leftInCell = sizes[++cellIndex];
                    leftInCell--;
                    synthesizer.Fill(ref batch[i], nextId++, cells[cellIndex]);
                    WriteMember(importer, batch[i]);
                }
                importer.Complete();
            }
            memberTime += step.Elapsed;
            step.Restart();
            using (var importer = connection.BeginBinaryImport("""
                copy member_events (member_id, kind, effective_on, decision_number, organization_id, recorded_by, counted_flow)
                from stdin (format binary)
                """))
            {
                for (var i = 0; i < count; i++)
                    events += WriteEvents(importer, batch[i]);
                importer.Complete();
            }
            eventTime += step.Elapsed;
            written += count;
            if (progress.Elapsed > TimeSpan.FromSeconds(15) || written == members)
            {
                output.WriteLine($"[orgcom]     … {N(written)}/{N(members)} đảng viên");
                progress.Restart();
            }
        }
        return (memberTime, eventTime, events);
    }

    private static void WriteMember(NpgsqlBinaryImporter w, in MemberRecord m)
    {
        w.StartRow();
        w.Write(m.Id, NpgsqlDbType.Bigint);
        w.Write(m.OrganizationId, NpgsqlDbType.Bigint);
        w.Write(m.FullName, NpgsqlDbType.Varchar);
        w.Write(m.FamilyName, NpgsqlDbType.Varchar);
        w.Write(m.MiddleName, NpgsqlDbType.Varchar);
        w.Write(m.GivenName, NpgsqlDbType.Varchar);
        w.Write(m.NameFolded, NpgsqlDbType.Varchar);
        w.Write(m.Gender == Gender.Male ? "Male" : "Female", NpgsqlDbType.Varchar);
        w.Write(m.BirthDate, NpgsqlDbType.Date);
        w.Write(m.BirthYearOnly, NpgsqlDbType.Boolean);
        w.Write(StatusText(m.Status), NpgsqlDbType.Varchar);
        w.Write(m.AdmittedOn, NpgsqlDbType.Date);
        w.Write(m.AdmissionDecision, NpgsqlDbType.Varchar);
        w.Write(m.CeremonyOn, NpgsqlDbType.Date);
        WriteNullable(w, m.OfficialOn);
        WriteNullable(w, m.ExemptSince);
        WriteNullable(w, m.EndedOn);
        w.Write(m.CitizenId, NpgsqlDbType.Varchar);
        WriteNullable(w, m.PartyCardNumber);
        WriteNullable(w, m.Hometown);
        w.Write(m.Ethnicity, NpgsqlDbType.Varchar);
        w.Write(m.Religion, NpgsqlDbType.Varchar);
        w.Write(m.GeneralEducation, NpgsqlDbType.Varchar);
        WriteNullable(w, m.Professional);
        w.Write(TheoryText(m.PoliticalTheory), NpgsqlDbType.Varchar);
    }

    /// <summary>CeremonyHeld and RecognizedOfficial (or NotRecognized) for everyone, then exemption and the end of
    /// membership when they happened.</summary>
    private static int WriteEvents(NpgsqlBinaryImporter w, in MemberRecord m)
    {
        var count = 1;
        Event(w, m, "CeremonyHeld", m.CeremonyOn, m.AdmissionDecision);
        if (m.OfficialOn is { } official)
        {
            Event(w, m, "RecognizedOfficial", official, m.RecognitionDecision);
            count++;
        }
        if (m.NotRecognized)
        {
            Event(w, m, "NotRecognized", m.EndedOn!.Value, m.EndingDecision);
            count++;
        }
        if (m.ExemptSince is { } exempt)
        {
            Event(w, m, "Exempted", exempt, null);
            count++;
        }
        if (m.EndedOn is { } ended && !m.NotRecognized)
        {
            Event(w, m, m.Status.ToString(), ended, m.EndingDecision);
            count++;
        }
        return count;
    }

    private static void Event(NpgsqlBinaryImporter w, in MemberRecord m, string kind, DateOnly on, string? decision)
    {
        w.StartRow();
        w.Write(m.Id, NpgsqlDbType.Bigint);
        w.Write(kind, NpgsqlDbType.Varchar);
        w.Write(on, NpgsqlDbType.Date);
        WriteNullable(w, decision);
        w.Write(m.OrganizationId, NpgsqlDbType.Bigint);
        w.Write(Actor, NpgsqlDbType.Varchar);
        WriteNullable(w, CountedFlow(kind));
    }

    /// <summary>The statistics flow of a generated event, which the load writes itself (the classifying trigger is off):
    /// what <c>member_event_counted_flow</c> says for these kinds (every generated member had a ceremony; no transfers
    /// are generated). A test checks the two agree.</summary>
    private static string? CountedFlow(string kind) => kind switch
    {
        "CeremonyHeld" => "Admitted",
        "RecognizedOfficial" => "RecognizedOfficial",
        "NotRecognized" or "Removed" => "Removed",
        "Deceased" => "Died",
        "Left" => "Left",
        "Exempted" => null,
        _ => throw new InvalidOperationException($"generated event kind {kind} has no statistics flow mapping"),
    };

    private static void CopyOrganizations(NpgsqlConnection connection, IReadOnlyList<PlannedOrganization> organizations)
    {
        // Parents come before their children, so the path trigger (a row trigger, which COPY fires) finds each
        // parent's path, including parents inserted earlier by this same COPY.
        using var w = connection.BeginBinaryImport("""
            copy organizations (id, code, name, kind, parent_id, established_on, establishing_decision, administrative_unit_code)
            from stdin (format binary)
            """);
        foreach (var o in organizations)
        {
            w.StartRow();
            w.Write(o.Id, NpgsqlDbType.Bigint);
            w.Write(o.Code, NpgsqlDbType.Varchar);
            w.Write(o.Name, NpgsqlDbType.Varchar);
            w.Write(o.Kind.ToString(), NpgsqlDbType.Varchar);
            w.Write(o.ParentId, NpgsqlDbType.Bigint);
            w.Write(o.EstablishedOn, NpgsqlDbType.Date);
            w.Write(o.Decision, NpgsqlDbType.Varchar);
            WriteNullable(w, o.AdministrativeUnitCode);
        }
        w.Complete();
    }

    private static void CopyOrganizationEvents(NpgsqlConnection connection, IReadOnlyList<PlannedOrganization> organizations)
    {
        using var w = connection.BeginBinaryImport("""
            copy organization_events (organization_id, kind, effective_on, decision_number, to_parent_id, to_name, recorded_by)
            from stdin (format binary)
            """);
        foreach (var o in organizations)
        {
            w.StartRow();
            w.Write(o.Id, NpgsqlDbType.Bigint);
            w.Write(nameof(OrganizationEventKind.Established), NpgsqlDbType.Varchar);
            w.Write(o.EstablishedOn, NpgsqlDbType.Date);
            w.Write(o.Decision, NpgsqlDbType.Varchar);
            w.Write(o.ParentId, NpgsqlDbType.Bigint);
            w.Write(o.Name, NpgsqlDbType.Varchar);
            w.Write(Actor, NpgsqlDbType.Varchar);
        }
        w.Complete();
    }

    /// <summary>Drops the secondary indexes and the outgoing foreign keys of the member tables, returning what it
    /// takes to recreate them exactly (the definitions come from the catalog, so they follow the migrations).</summary>
    private static async Task<(List<(string Name, string Definition)> Indexes, List<(string Table, string Name, string Definition)> ForeignKeys)>
        DropForLoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string, string)>();
        await using (var cmd = new NpgsqlCommand("""
            select i.relname, pg_get_indexdef(i.oid)
            from pg_index x
            join pg_class i on i.oid = x.indexrelid
            join pg_class t on t.oid = x.indrelid
            where t.relname = any(@tables) and t.relnamespace = 'public'::regnamespace and not x.indisprimary
              and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
            order by t.relname, i.relname
            """, connection))
        {
            cmd.Parameters.AddWithValue("tables", LoadedTables);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        var foreignKeys = new List<(string, string, string)>();
        await using (var cmd = new NpgsqlCommand("""
            select t.relname, c.conname, pg_get_constraintdef(c.oid)
            from pg_constraint c join pg_class t on t.oid = c.conrelid
            where c.contype = 'f' and t.relname = any(@tables) and t.relnamespace = 'public'::regnamespace
            order by t.relname, c.conname
            """, connection))
        {
            cmd.Parameters.AddWithValue("tables", LoadedTables);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, _) in foreignKeys)
            await ExecuteAsync(connection, $"alter table {table} drop constraint {name}", ct);
        foreach (var (name, _) in indexes)
            await ExecuteAsync(connection, $"drop index {name}", ct);
        return (indexes, foreignKeys);
    }

    /// <summary>The active organizations by code, and every code ever used (codes are never reused).</summary>
    private static async Task<(Dictionary<string, Anchor> Active, HashSet<string> Codes)> AnchorsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var anchors = new Dictionary<string, Anchor>();
        var codes = new HashSet<string>();
        await using var cmd = new NpgsqlCommand("select id, code, name, kind, established_on, dissolved_on is null from organizations", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var anchor = new Anchor(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<OrganizationKind>(reader.GetString(3)), reader.GetFieldValue<DateOnly>(4));
            codes.Add(anchor.Code);
            if (reader.GetBoolean(5))
                anchors[anchor.Code] = anchor;
        }
        return (anchors, codes);
    }

    private static List<CommuneAnchor> Communes(Dictionary<string, Anchor> anchors, ProvinceProfile[] provinces)
    {
        var provinceIndex = provinces.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var result = new List<CommuneAnchor>();
        foreach (var row in ReferenceData.ReadCsv("communes-2025.csv"))
        {
            if (!anchors.TryGetValue("X" + row["code"], out var committee) || committee.Kind != OrganizationKind.CommuneCommittee
                || !provinceIndex.TryGetValue(row["province_code"], out var province))
                continue;
            result.Add(new CommuneAnchor(result.Count, committee, row["code"], row["name"], row["type"], province)
            {
                HometownText = $"{row["full_name"]}, {provinces[province].FullName}",
            });
        }
        return result;
    }

    private static string StatusText(MemberStatus status) => status switch
    {
        MemberStatus.Official => nameof(MemberStatus.Official),
        MemberStatus.Probationary => nameof(MemberStatus.Probationary),
        _ => status.ToString(),
    };

    private static string TheoryText(PoliticalTheoryLevel level) => level switch
    {
        PoliticalTheoryLevel.None => nameof(PoliticalTheoryLevel.None),
        PoliticalTheoryLevel.Elementary => nameof(PoliticalTheoryLevel.Elementary),
        PoliticalTheoryLevel.Intermediate => nameof(PoliticalTheoryLevel.Intermediate),
        _ => level.ToString(),
    };

    private static void WriteNullable(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
            w.WriteNull();
        else
            w.Write(value, NpgsqlDbType.Varchar);
    }

    private static void WriteNullable(NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } v)
            w.Write(v, NpgsqlDbType.Date);
        else
            w.WriteNull();
    }

    /// <summary>Runs the statement(s); returns the rows they affected.</summary>
    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var list = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(reader.GetString(0));
        return list;
    }

    private void Report(string what, long rows, TimeSpan elapsed) =>
        output.WriteLine($"[orgcom]   {what}: {N(rows)} dòng trong {Seconds(elapsed)} ({N((long)(rows / Math.Max(elapsed.TotalSeconds, 0.001)))} dòng/giây)");

    private static string N(long n) => n.ToString("N0", Vi);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("N1", Vi) + " s";
}
