package respond_test

import (
	_ "embed"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/respond"
)

// FuzzInboxKey: any stream keys are read or refused, never a panic, and
// what is read is a seller and an event id that make the same keys.
func FuzzInboxKey(f *testing.F) {
	for _, k := range [][2]string{{"S#s1#INBOX", "E#e1"}, {"S#INBOX", "E#"}, {"S##INBOX", "E#x"}, {"S#a#b#INBOX", "E#x"}, {"", ""}} {
		f.Add(k[0], k[1])
	}
	f.Fuzz(func(t *testing.T, pk, sk string) {
		seller, eventID, ok := respond.InboxKey(map[string]events.DynamoDBAttributeValue{
			"PK": events.NewStringAttribute(pk), "SK": events.NewStringAttribute(sk)})
		if ok && ("S#"+seller+"#INBOX" != pk || "E#"+eventID != sk || seller == "" || eventID == "") {
			t.Errorf("%q %q read as %q %q", pk, sk, seller, eventID)
		}
	})
}

// FuzzParseReplies: a seller's catalogue is accepted only when it is
// whole and valid, and never panics.
func FuzzParseReplies(f *testing.F) {
	f.Add(repliesYAML)
	f.Add([]byte("version: x\ntemplates: []\nintents: {}\n"))
	f.Add([]byte("{{{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := respond.ParseReplies(data)
		if err == nil {
			if verr := r.Validate(); verr != nil {
				t.Errorf("parsed an invalid catalogue: %v", verr)
			}
		}
	})
}

//go:embed replies.yaml
var repliesYAML []byte
