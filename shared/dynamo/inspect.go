package dynamo

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// --- inspection ---------------------------------------------------------------------------

// Dump calls fn with every stored item (as DynamoDB JSON-ish text), for
// inspection and export.
func (s *Store) Dump(ctx context.Context, fn func(where string, value []byte) error) error {
	in := &dynamodb.ScanInput{TableName: aws.String(s.cfg.Table)}
	for {
		res, err := s.db.Scan(ctx, in)
		if err != nil {
			return wrap("dump", err)
		}
		for _, it := range res.Items {
			pk := it[attrPK].(*types.AttributeValueMemberS).Value
			sk := it[attrSK].(*types.AttributeValueMemberS).Value
			if err := fn(pk+"/"+sk, []byte(fmt.Sprintf("%v", flatten(it)))); err != nil {
				return err
			}
		}
		if len(res.LastEvaluatedKey) == 0 {
			return nil
		}
		in.ExclusiveStartKey = res.LastEvaluatedKey
	}
}

// flatten renders attribute values as plain Go values, for Dump.
func flatten(av any) any {
	switch v := av.(type) {
	case map[string]types.AttributeValue:
		m := map[string]any{}
		for k, x := range v {
			m[k] = flatten(x)
		}
		return m
	case *types.AttributeValueMemberS:
		return v.Value
	case *types.AttributeValueMemberN:
		return v.Value
	case *types.AttributeValueMemberB:
		return string(v.Value)
	case *types.AttributeValueMemberBOOL:
		return v.Value
	case *types.AttributeValueMemberM:
		return flatten(v.Value)
	case *types.AttributeValueMemberL:
		out := make([]any, len(v.Value))
		for i, x := range v.Value {
			out[i] = flatten(x)
		}
		return out
	case *types.AttributeValueMemberSS:
		return v.Value
	}
	return nil
}
