using OrgCom.Core.Common;
using OrgCom.Core.Members;
using static OrgCom.Core.Tests.Members.Lifecycle.LifecycleScenario;

namespace OrgCom.Core.Tests.Members.Lifecycle;

public class ProbationTransitionTests
{
    [Theory]
    // ceremony 15/03/2025: probation ends 15/03/2026, recognition due 24/04/2026
    [InlineData("2025-03-03", "2025-03-15", "2026-03-14", "member.official.early", null, false)]
    [InlineData("2025-03-03", "2025-03-15", "2026-03-15", null, "2026-03-15", false)]
    [InlineData("2025-03-03", "2025-03-15", "2026-04-24", null, "2026-03-15", false)]
    [InlineData("2025-03-03", "2025-03-15", "2026-05-20", null, "2026-03-15", true)]
    // ceremony 29/02/2024: probation ends 28/02/2025, recognition due 14/04/2025
    [InlineData("2024-02-20", "2024-02-29", "2024-02-29", "member.official.early", null, false)]
    [InlineData("2024-02-20", "2024-02-29", "2025-02-27", "member.official.early", null, false)]
    [InlineData("2024-02-20", "2024-02-29", "2025-02-28", null, "2025-02-28", false)]
    [InlineData("2024-02-20", "2024-02-29", "2025-03-01", null, "2025-02-28", false)]
    [InlineData("2024-02-20", "2024-02-29", "2025-04-15", null, "2025-02-28", true)]
    // ceremony 31/01/2025 (a Tết day): probation ends 31/01/2026, recognition due 20/03/2026
    [InlineData("2025-01-20", "2025-01-31", "2026-01-30", "member.official.early", null, false)]
    [InlineData("2025-01-20", "2025-01-31", "2026-01-31", null, "2026-01-31", false)]
    [InlineData("2025-01-20", "2025-01-31", "2026-02-10", null, "2026-01-31", false)]
    [InlineData("2025-01-20", "2025-01-31", "2026-03-23", null, "2026-01-31", true)]
    public void RecognizeOfficial_from_the_end_of_probation_makes_the_member_official_on_that_day(
        string decided, string ceremony, string recognizedOn, string? code, string? officialOn, bool overdue)
    {
        var m = Admitted(D(decided), D(ceremony));
        var before = MemberState.Of(m);

        var result = m.RecognizeOfficial(D(recognizedOn), " " + RecognitionNumber + " ", Context);

        if (code is not null)
        {
            Refused(code, result);
            Assert.Equal(before, MemberState.Of(m));
            return;
        }
        var note = Ok(result);
        Assert.Equal(MemberStatus.Official, m.Status);
        Assert.Equal(D(officialOn!), m.OfficialOn);
        Assert.Equal(D(ceremony), m.CeremonyOn);
        Assert.Equal(D(decided), m.AdmittedOn);
        Assert.True(m.IsCounted);
        Assert.Contains(DateText.Format(D(officialOn!)), note.Message);
        Assert.Equal(["probation.months", "probation.recognition_due_working_days"], note.Citations.Select(c => c.Key));
        Assert.Equal(before.Events + 1, m.Events.Count);
        var e = m.Events[^1];
        Assert.Equal(MemberEventKind.RecognizedOfficial, e.Kind);
        Assert.Equal(D(officialOn!), e.EffectiveOn);
        Assert.Equal(RecognitionNumber, e.DecisionNumber);
        Assert.StartsWith("Quyết định ngày " + DateText.Format(D(recognizedOn)), e.Detail);
        Assert.Equal(overdue, e.Detail!.Contains("quá hạn đề nghị"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RecognizeOfficial_needs_the_decision_number(string number)
    {
        var m = At(Point.Probationary);
        var before = MemberState.Of(m);

        Refused("member.decision.required", m.RecognizeOfficial(OfficialOn, number, Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    [Fact]
    public void Recognising_twice_is_refused()
    {
        var m = At(Point.Official);
        var before = MemberState.Of(m);

        Refused("member.status", m.RecognizeOfficial(Later, RecognitionNumber, Context));
        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(OfficialOn, m.OfficialOn);
    }

    [Theory]
    [InlineData("2027-03-02")]
    [InlineData("2027-04-20")]
    public void RefuseRecognition_removes_the_member_and_opens_a_gap(string decided)
    {
        var m = At(Point.Probationary);

        Ok(m.RefuseRecognition(D(decided), "46-QĐ/ĐU", " Không đủ tư cách ", Context));

        Assert.Equal(MemberStatus.Removed, m.Status);
        Assert.Equal(D(decided), m.EndedOn);
        Assert.False(m.IsCounted);
        Assert.Null(m.OfficialOn);
        var e = m.Events[^1];
        Assert.Equal((MemberEventKind.NotRecognized, D(decided), "46-QĐ/ĐU", "Không đủ tư cách"),
            (e.Kind, e.EffectiveOn, e.DecisionNumber, e.Detail));
        var gap = Assert.Single(m.ActivityGaps());
        Assert.Equal((D(decided), (DateOnly?)null), gap);
    }

    [Theory]
    [InlineData("", "Không đủ tư cách", "member.decision.required")]
    [InlineData("46-QĐ/ĐU", "  ", "member.reason.required")]
    public void RefuseRecognition_needs_a_decision_and_a_reason(string number, string reason, string code)
    {
        var m = At(Point.Probationary);
        var before = MemberState.Of(m);

        Refused(code, m.RefuseRecognition(OfficialOn, number, reason, Context));
        Assert.Equal(before, MemberState.Of(m));
    }
}
