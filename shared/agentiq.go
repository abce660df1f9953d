// Package agentiq holds the domain vocabulary every part of the product
// shares: channels, scenarios and priorities, message types, intents,
// content flags and decisions (POLICY.md §1–§4). It sits at the centre of
// the layout: the policy, the classifier, the stores and the WB client are
// subpackages of this directory and depend on it, never the other way.
//
// The directory is named shared/ (the repository layout is fixed); the
// package is named agentiq because that is what it describes.
package agentiq

import "fmt"

// Channel is where a message is sent.
type Channel string

// Channels (POLICY.md §1).
const (
	ChannelWBChat   Channel = "wb_chat"
	ChannelWhatsApp Channel = "whatsapp"
	ChannelTelegram Channel = "telegram"
	ChannelViber    Channel = "viber"
	ChannelMax      Channel = "max"
	ChannelVK       Channel = "vk"
	ChannelSMS      Channel = "sms"
	ChannelEmail    Channel = "email"
)

// Channels lists every known channel.
var Channels = []Channel{ChannelWBChat, ChannelWhatsApp, ChannelTelegram, ChannelViber,
	ChannelMax, ChannelVK, ChannelSMS, ChannelEmail}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool {
	for _, k := range Channels {
		if c == k {
			return true
		}
	}
	return false
}

// External reports whether c is outside the WB buyer chat.
func (c Channel) External() bool { return c != ChannelWBChat }

// Scenario is why a message is sent.
type Scenario string

// Scenarios (POLICY.md §1).
const (
	ScenarioService      Scenario = "service"
	ScenarioRecovery     Scenario = "recovery"
	ScenarioTrustCX      Scenario = "trust_cx"
	ScenarioEducation    Scenario = "education"
	ScenarioServiceMixed Scenario = "service_mixed"
	ScenarioReactivation Scenario = "reactivation"
	ScenarioPromo        Scenario = "promo"
	ScenarioLoyalty      Scenario = "loyalty"
)

// Priority is P0 (most important, service) to P3 (marketing).
type Priority string

// Priorities.
const (
	P0 Priority = "P0"
	P1 Priority = "P1"
	P2 Priority = "P2"
	P3 Priority = "P3"
)

var scenarioPriority = map[Scenario]Priority{
	ScenarioService: P0, ScenarioRecovery: P0,
	ScenarioTrustCX: P1, ScenarioEducation: P1,
	ScenarioServiceMixed: P2,
	ScenarioReactivation: P3, ScenarioPromo: P3, ScenarioLoyalty: P3,
}

// Valid reports whether s is a known scenario.
func (s Scenario) Valid() bool { _, ok := scenarioPriority[s]; return ok }

// Priority returns the scenario's priority, or "" for an unknown scenario.
func (s Scenario) Priority() Priority { return scenarioPriority[s] }

// MessageType returns the message type the scenario implies: marketing for
// P3, service otherwise.
func (s Scenario) MessageType() MessageType {
	if s.Priority() == P3 {
		return Marketing
	}
	return Service
}

// MessageType is service (P0–P2) or marketing (P3).
type MessageType string

// Message types.
const (
	Service   MessageType = "service"
	Marketing MessageType = "marketing"
)

// Window is a marketing window in the WB chat.
type Window string

// Marketing windows (POLICY.md §1). NoWindow is the zero value.
const (
	NoWindow         Window = ""
	CustomerRequest  Window = "customer_request"
	CompensationCase Window = "compensation_case"
)

// Intent is what a buyer message asks or says (POLICY.md §2).
type Intent string

// Intents, in the order that picks the primary one (POLICY.md §4.3).
const (
	IntentDefect        Intent = "defect"
	IntentWrongItem     Intent = "wrong_item"
	IntentReturn        Intent = "return"
	IntentDelivery      Intent = "delivery"
	IntentSize          Intent = "size"
	IntentProductInfo   Intent = "product_info"
	IntentAnalogRequest Intent = "analog_request"
	IntentPromoRequest  Intent = "promo_request"
	IntentOptOut        Intent = "opt_out"
	IntentGratitude     Intent = "gratitude"
	IntentOther         Intent = "other"
)

// Intents lists every intent in primary order.
var Intents = []Intent{IntentDefect, IntentWrongItem, IntentReturn, IntentDelivery, IntentSize,
	IntentProductInfo, IntentAnalogRequest, IntentPromoRequest, IntentOptOut, IntentGratitude, IntentOther}

// Flag is a content flag found in an outbound draft (POLICY.md §3).
type Flag string

// Content flags.
const (
	FlagPromoLexicon      Flag = "promo_lexicon"
	FlagPressure          Flag = "pressure"
	FlagExternalLink      Flag = "external_link"
	FlagOffPlatform       Flag = "off_platform"
	FlagThirdParty        Flag = "third_party"
	FlagReviewIncentive   Flag = "review_incentive"
	FlagPDRequest         Flag = "pd_request"
	FlagOptOutInstruction Flag = "opt_out_instruction"
	FlagPaymentDetails    Flag = "payment_details"
)

// Flags lists every content flag.
var Flags = []Flag{FlagPromoLexicon, FlagPressure, FlagExternalLink, FlagOffPlatform, FlagThirdParty,
	FlagReviewIncentive, FlagPDRequest, FlagOptOutInstruction, FlagPaymentDetails}

// Verdict is the outcome of a policy decision.
type Verdict string

// Verdicts, from least to most restrictive.
const (
	Allow  Verdict = "allow"
	Review Verdict = "review"
	Deny   Verdict = "deny"
)

// Rank orders verdicts: allow < review < deny.
func (v Verdict) Rank() int {
	switch v {
	case Allow:
		return 0
	case Review:
		return 1
	case Deny:
		return 2
	}
	return -1
}

// ParseVerdict checks a verdict read from data.
func ParseVerdict(s string) (Verdict, error) {
	v := Verdict(s)
	if v.Rank() < 0 {
		return "", fmt.Errorf("unknown decision %q (want allow, review or deny)", s)
	}
	return v, nil
}
