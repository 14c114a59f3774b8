using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Common;
using OrgCom.Core.Documents;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Members.Lifecycle;

/// <summary>
/// The membership steps of one person: the forms for the steps their status allows, each going through the
/// aggregate's guarded transition. Rule-based deadlines are shown with the regulation they come from.
/// </summary>
public sealed class IndexModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, RuleBookProvider rules, TimeProvider clock)
    : MemberChangePage(db, currentUser, audit, rules, clock)
{
    [BindProperty]
    public StepInput Input { get; set; } = new();

    public ProbationSchedule? Probation { get; private set; }

    public sealed class StepInput
    {
        public string? Date { get; set; }
        public string? DecisionNumber { get; set; }

        [StoredIn<MemberEvent>(nameof(MemberEvent.Detail), "Lý do")]
        public string? Reason { get; set; }

        [StoredIn<MemberEvent>(nameof(MemberEvent.DecisionNumber), "Số giấy chứng nhận")]
        public string? CertificateNumber { get; set; }

        [StoredIn<MemberEvent>(nameof(MemberEvent.OverrideReason), "Lý do")]
        public string? OverrideReason { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Họ và tên người giới thiệu thứ nhất", JsonField = nameof(Introducer.FullName))]
        public string? Introducer1Name { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Chức vụ người giới thiệu thứ nhất", JsonField = nameof(Introducer.Position))]
        public string? Introducer1Position { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Đơn vị người giới thiệu thứ nhất", JsonField = nameof(Introducer.Unit))]
        public string? Introducer1Unit { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Họ và tên người giới thiệu thứ hai", JsonField = nameof(Introducer.FullName))]
        public string? Introducer2Name { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Chức vụ người giới thiệu thứ hai", JsonField = nameof(Introducer.Position))]
        public string? Introducer2Position { get; set; }

        [StoredIn<Member>(nameof(Member.Introducers), "Đơn vị người giới thiệu thứ hai", JsonField = nameof(Introducer.Unit))]
        public string? Introducer2Unit { get; set; }

        public bool Introducer2IsYouthUnion { get; set; }
        public DisciplineLevel DisciplineLevel { get; set; }
        public string? CeremonyDate { get; set; }

        [StoredIn<MemberEvent>(nameof(MemberEvent.DecisionNumber), "Số giấy xác nhận")]
        public string? IllnessDocumentNumber { get; set; }

        [StoredIn<MemberEvent>(nameof(MemberEvent.Detail), "Tình trạng bệnh và nơi xác nhận")]
        public string? IllnessNote { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        Describe();
        Input.Date = DateText.Format(Today);
        return Page();
    }

    // Every step names its handler; a POST naming none finds nothing to do.
    public IActionResult OnPost() => NotFound();

    public Task<IActionResult> OnPostAwarenessAsync(long id, CancellationToken ct) => StepAsync(id, "Học lớp nhận thức về Đảng",
        (m, date) => m.CompleteAwarenessClass(date, Input.CertificateNumber, Context), needsDecision: false, ct);

    public Task<IActionResult> OnPostProposeAsync(long id, CancellationToken ct) => StepAsync(id, "Chi bộ xét, đề nghị kết nạp",
        (m, date) =>
        {
            Introducer[] introducers =
            [
                new(Input.Introducer1Name ?? "", Input.Introducer1Position, Input.Introducer1Unit, false),
                new(Input.Introducer2Name ?? "", Input.Introducer2Position, Input.Introducer2Unit, Input.Introducer2IsYouthUnion),
            ];
            return Note(m.ProposeByCell(date, Input.DecisionNumber ?? "", introducers, Input.OverrideReason, Context));
        }, needsDecision: true, ct);

    public Task<IActionResult> OnPostDecideAsync(long id, CancellationToken ct) => StepAsync(id, "Quyết định kết nạp",
        (m, date) => m.DecideAdmission(date, Input.DecisionNumber ?? "", Context), needsDecision: true, ct);

    public Task<IActionResult> OnPostCeremonyAsync(long id, CancellationToken ct) => StepAsync(id, "Lễ kết nạp",
        (m, date) => Note(m.HoldCeremony(date, Input.OverrideReason, Context)), needsDecision: false, ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) => StepAsync(id, "Không kết nạp",
        (m, date) => m.RejectCandidate(date, Input.Reason ?? "", Context), needsDecision: false, ct);

    public Task<IActionResult> OnPostRecognizeAsync(long id, CancellationToken ct) => StepAsync(id, "Công nhận đảng viên chính thức",
        (m, date) => Note(m.RecognizeOfficial(date, Input.DecisionNumber ?? "", Context)), needsDecision: true, ct);

    public Task<IActionResult> OnPostRefuseRecognitionAsync(long id, CancellationToken ct) => StepAsync(id, "Không công nhận chính thức",
        (m, date) => m.RefuseRecognition(date, Input.DecisionNumber ?? "", Input.Reason ?? "", Context), needsDecision: true, ct);

    public Task<IActionResult> OnPostExemptAsync(long id, CancellationToken ct) => StepAsync(id, "Miễn công tác và sinh hoạt đảng",
        (m, date) => m.Exempt(date, Input.DecisionNumber ?? "", Input.Reason, Context), needsDecision: true, ct);

    public Task<IActionResult> OnPostEndExemptionAsync(long id, CancellationToken ct) => StepAsync(id, "Thôi miễn sinh hoạt đảng",
        (m, date) => m.EndExemption(date, Input.DecisionNumber ?? "", Context), needsDecision: true, ct);

    public Task<IActionResult> OnPostDisciplineAsync(long id, CancellationToken ct) => StepAsync(id, "Kỷ luật",
        (m, date) => m.Discipline(Input.DisciplineLevel, date, Input.DecisionNumber ?? "", Input.Reason, Context), needsDecision: true, ct);

    public Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct) => StepAsync(id, "Xóa tên",
        (m, date) => m.Remove(date, Input.DecisionNumber ?? "", Input.Reason ?? "", Context), needsDecision: true, ct);

    public Task<IActionResult> OnPostLeaveAsync(long id, CancellationToken ct) => StepAsync(id, "Ra khỏi Đảng",
        (m, date) => m.Leave(date, Input.DecisionNumber ?? "", Input.Reason, Context), needsDecision: true, ct);

    public Task<IActionResult> OnPostDieAsync(long id, CancellationToken ct) => StepAsync(id, "Từ trần",
        (m, date) => m.Die(date, Context), needsDecision: false, ct);

    public Task<IActionResult> OnPostSeriousIllnessAsync(long id, CancellationToken ct) => StepAsync(id, "Xác nhận bị bệnh nặng",
        (m, date) => m.RecordSeriousIllness(date, Input.IllnessDocumentNumber, Input.IllnessNote ?? "", Context), needsDecision: false, ct);

    public Task<IActionResult> OnPostReadmitAsync(long id, CancellationToken ct) => StepAsync(id, "Kết nạp lại",
        (m, date) =>
        {
            var ceremony = ReadDate(Input.CeremonyDate, "Input.CeremonyDate", "ngày lễ kết nạp lại");
            return ceremony is { } c ? m.Readmit(date, Input.DecisionNumber ?? "", c, Context) : Result.Fail(new Error("date", "Chưa có ngày lễ kết nạp lại hợp lệ."));
        }, needsDecision: true, ct);

    private async Task<IActionResult> StepAsync(long id, string stepName, Func<Member, DateOnly, Result> step, bool needsDecision, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        Describe();
        var date = ReadDate(Input.Date, "Input.Date", "ngày");
        if (needsDecision)
        {
            var number = DocumentNumber.Parse(Input.DecisionNumber);
            if (!number.IsSuccess)
                ModelState.AddModelError("Input.DecisionNumber", number.Error!.Message);
            else
                Input.DecisionNumber = number.Value!.ToString();
        }
        if (date is null || !ModelState.IsValid || !Check(() => step(Member, date.Value)))
            return Page();
        await SaveAsync($"{stepName}{(needsDecision ? $" — Quyết định {Input.DecisionNumber}" : "")}", ct);
        TempData["Success"] = _note is null ? $"Đã ghi nhận: {stepName}." : $"Đã ghi nhận: {stepName}. {_note}";
        return RedirectToPage(new { id });
    }

    private string? _note;

    private Result Note(Result<RuleNote> result)
    {
        if (result.IsSuccess)
            _note = result.Value!.Message;
        return result.IsSuccess ? Result.Ok() : Result.Fail(result.Error!);
    }

    private void Describe()
    {
        if (Member is { Status: MemberStatus.Probationary, CeremonyOn: { } ceremony })
            Probation = Core.Members.Rules.Probation.For(ceremony, Context.Rules, Context.Calendar);
    }

    /// <summary>How early a seriously ill member may be awarded the Party badge, under the rules in force today.</summary>
    public string EarlyBadgeRuleText()
    {
        var rules = new[] { 30, 70 }.Select(years => PartyBadges.EarlyAwardRule(years, Today, Context.Rules)!).ToList();
        return $"Đảng viên bị bệnh nặng được xét tặng Huy hiệu Đảng sớm không quá {rules[0].AsInt()} tháng (Huy hiệu 30 đến 65 năm) "
            + $"hoặc {rules[1].AsInt()} tháng (Huy hiệu 70 đến 90 năm). {string.Join(" · ", rules.Select(r => r.Citation))}";
    }

    public string CeremonyDeadlineText()
    {
        if (Member.AdmittedOn is not { } decided)
            return "";
        var rule = Context.Rules.Get(Core.Rules.RuleKey.AdmissionCeremonyWithinWorkingDays, decided);
        var deadline = Context.Calendar.AddWorkingDays(decided, rule.AsInt());
        return $"Hạn tổ chức lễ kết nạp: {DateText.Format(deadline)} ({rule.AsInt()} ngày làm việc kể từ ngày quyết định). {rule.Citation}";
    }
}
