package dynamo_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/agentiq/agentiq/shared/dynamo"
	"github.com/agentiq/agentiq/shared/dynamo/dynamotest"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/storetest"
)

var local *dynamotest.Local

// TestMain runs DynamoDB Local for the package's tests and stops it after.
func TestMain(m *testing.M) { dynamotest.Main(m, &local) }

var tables atomic.Int64

// txnItems is the transaction size a test asks for, within what DynamoDB
// Local takes.
func txnItems(asked int) int {
	if asked == 0 || asked > dynamotest.MaxTxnItems {
		return dynamotest.MaxTxnItems
	}
	return asked
}

// open gives every test its own table in the one DynamoDB Local.
func open(t *testing.T, c storetest.Config) storetest.Store {
	s, err := dynamo.New(local.Client(), dynamo.Config{
		Table:     fmt.Sprintf("agentiq-test-%d", tables.Add(1)),
		Ingest:    ingest.Options{Pseudonyms: storetest.Pseudonyms(), MaxTxnItems: txnItems(c.MaxTxnItems)},
		Now:       c.Now,
		BeforeTxn: c.BeforeTxn,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateTable(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestContract runs the store contract against DynamoDB (Local).
func TestContract(t *testing.T) { storetest.Run(t, open) }
