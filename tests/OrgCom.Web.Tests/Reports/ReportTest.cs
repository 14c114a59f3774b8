using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Infrastructure.Rules;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Reports;

/// <summary>
/// A small history around the first half of 2025 in two new cells of one Hà Nội commune (A, B) and one of Hồ Chí Minh
/// City (C), recorded through the member aggregate as the pages do. Expected for A, 01/01–30/06/2025: opening 8;
/// admitted 1, readmitted 1, in from another province 1, in within the province 1; died 1, expelled 1, removed 2,
/// left 1, out 0 (a transfer still in transit on 30/06); closing 7; one official recognition.
/// </summary>
public abstract class ReportTest : AppTest
{
    protected override TimeProvider? Clock => new FixedClock(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));

    protected long A, B, C, Commune;
    protected readonly Dictionary<string, long> People = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PlantAsync();
    }

    protected static DateOnly D(int y, int m, int d) => new(y, m, d);

    private async Task PlantAsync()
    {
        var rules = Factory.Services.GetRequiredService<RuleBookProvider>();
        var context = await rules.ContextAsync("(kiểm thử)", CancellationToken.None);
        (A, B, C, Commune) = await WithDbAsync(async db =>
        {
            var hanoi = await db.Organizations.SingleAsync(o => o.Code == "X00004");
            var hcm = await db.Organizations.SingleAsync(o => o.Code == "X26740");
            Organization New(string code, string name, Organization parent)
            {
                var o = Organization.Establish(code, name, OrganizationKind.GrassrootsCell, parent, parent.EstablishedOn, "1-QĐ/ĐU", null, "(kiểm thử)");
                Assert.True(o.IsSuccess, o.Error?.Message);
                db.Organizations.Add(o.Value!);
                return o.Value!;
            }
            var a = New("X00004.TKA", "Chi bộ Thống kê A", hanoi);
            var b = New("X00004.TKB", "Chi bộ Thống kê B", hanoi);
            var c = New("X26740.TKC", "Chi bộ Thống kê C", hcm);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id, hanoi.Id);
        });

        await WithDbAsync(async db =>
        {
            Member Import(string name, long org, DateOnly ceremony, bool official = true)
            {
                var m = Member.Import(org, new Identity(name, null, name.Contains("Thị") ? Gender.Female : Gender.Male, D(1975, 5, 5), false,
                        null, null, null, null, "Kinh", "Không", null),
                    official ? MemberStatus.Official : MemberStatus.Probationary, ceremony.AddDays(-10), ceremony,
                    official ? ceremony.AddYears(1) : null, null, "(kiểm thử)");
                db.Members.Add(m);
                return m;
            }
            void Ok(OrgCom.Core.Common.Result r) => Assert.True(r.IsSuccess, r.Error?.Message);

            Import("Lê Văn Kết Nạp", A, D(2025, 3, 10), official: false);
            var died = Import("Lê Văn Từ Trần", A, D(2020, 1, 1));
            var within = Import("Lê Văn Trong Tỉnh", B, D(2019, 1, 1));
            var transit = Import("Lê Văn Đang Chuyển", A, D(2018, 1, 1));
            var other = Import("Lê Thị Tỉnh Khác", C, D(2015, 1, 1));
            var temporary = Import("Lê Văn Tạm Thời", A, D(2010, 1, 1));
            var refused = Import("Lê Văn Không Công Nhận", A, D(2024, 5, 1), official: false);
            var left = Import("Lê Văn Ra Đảng", A, D(2000, 1, 1));
            var readmitted = Import("Lê Văn Kết Nạp Lại", A, D(2000, 1, 1));
            var expelled = Import("Lê Văn Khai Trừ", A, D(2001, 1, 1));
            var removed = Import("Lê Văn Xóa Tên", A, D(2005, 1, 1));
            var recognized = Import("Lê Thị Chính Thức", A, D(2024, 6, 1), official: false);
            await db.SaveChangesAsync();

            Ok(died.Die(D(2025, 6, 30), context));
            Transfer Send(Member m, long to, DateOnly issued, DateOnly? received, TransferKind kind = TransferKind.Permanent, DateOnly? until = null)
            {
                var t = m.IssueTransfer(kind, to, issued, until, "GT-" + m.Id, null, context);
                Assert.True(t.IsSuccess, t.Error?.Message);
                db.Transfers.Add(t.Value!);
                if (received is { } r)
                    Ok(m.ReceiveTransfer(t.Value!, r, context));
                return t.Value!;
            }
            Send(within, A, D(2025, 5, 20), D(2025, 6, 5));
            var pending = Send(transit, C, D(2025, 6, 25), null);
            Send(other, A, D(2025, 1, 20), D(2025, 2, 1));
            Send(temporary, B, D(2025, 3, 1), D(2025, 3, 5), TransferKind.Temporary, D(2025, 9, 1));
            Ok(refused.RefuseRecognition(D(2025, 5, 10), "5-QĐ/ĐU", "Không đủ tư cách", context));
            Ok(left.Leave(D(2025, 4, 1), "6-QĐ/ĐU", null, context));
            Ok(readmitted.Leave(D(2020, 1, 1), "7-QĐ/ĐU", null, context));
            Ok(readmitted.Readmit(D(2025, 4, 15), "8-QĐ/ĐU", D(2025, 4, 20), context));
            Ok(expelled.Discipline(DisciplineLevel.Expulsion, D(2025, 5, 5), "9-QĐ/ĐU", "Vi phạm", context));
            Ok(removed.Remove(D(2025, 6, 1), "10-QĐ/ĐU", "Bỏ sinh hoạt", context));
            var note = recognized.RecognizeOfficial(D(2025, 6, 10), "11-QĐ/ĐU", context);
            Assert.True(note.IsSuccess, note.Error?.Message);
            await db.SaveChangesAsync();

            // The transfer in transit on 30/06 is received in the second half.
            Ok(transit.ReceiveTransfer(pending, D(2025, 7, 3), context));
            await db.SaveChangesAsync();
            foreach (var m in new[] { died, within, transit, other, temporary, refused, left, readmitted, expelled, removed, recognized })
                People[m.FullName] = m.Id;
            return 0;
        });
    }

    protected Task<long> ScalarAsync(string sql, params (string, object)[] parameters) => WithDbAsync(async db =>
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    });

    protected static Dictionary<string, string> Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("td[data-column]").ToDictionary(td => td.GetAttribute("data-column")!, td => td.TextContent.Trim());
}
