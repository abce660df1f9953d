package dynamo

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	agentiq "github.com/agentiq/agentiq/shared"
)

func reportJobPK(seller, id string) string { return "S#" + seller + "#REPORTJOB#" + id }

const reportJobSK = "REPORTJOB"

// PutReportJob stores a new job, on the condition that its id is free.
func (s *Store) PutReportJob(ctx context.Context, j agentiq.ReportJob) error {
	if err := j.Validate(); err != nil {
		return err
	}
	if err := s.knownSeller(ctx, j.SellerID); err != nil {
		return err
	}
	m, err := item(j, reportJobPK(j.SellerID, j.ID), reportJobSK, nil)
	if err != nil {
		return err
	}
	out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: m,
		ConditionExpression: aws.String("attribute_not_exists(PK)"), ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
	if conditionFailed(err) {
		return fmt.Errorf("report job %s: %w", j.ID, agentiq.ErrExists)
	}
	if err != nil {
		return wrap("put report job", err)
	}
	s.writeOne("put report job", out.ConsumedCapacity)
	return nil
}

// ReportJob returns a job (a consistent read: a poll sees the last
// update). One past its retention is gone: TTL deletes lazily.
func (s *Store) ReportJob(ctx context.Context, seller, id string) (agentiq.ReportJob, error) {
	it, err := s.get(ctx, "report job", reportJobPK(seller, id), reportJobSK, true)
	if err != nil {
		return agentiq.ReportJob{}, err
	}
	if it == nil {
		return agentiq.ReportJob{}, fmt.Errorf("report job %s: %w", id, agentiq.ErrNotFound)
	}
	j, err := decode[agentiq.ReportJob](it)
	if err == nil && j.Expired(s.cfg.Now()) {
		return agentiq.ReportJob{}, fmt.Errorf("report job %s: %w", id, agentiq.ErrNotFound)
	}
	return j, err
}

// UpdateReportJob replaces a job, on the condition that it exists and is
// not finished; a failed condition is told apart by reading the job. A
// finished job's expiry is its TTL.
func (s *Store) UpdateReportJob(ctx context.Context, j agentiq.ReportJob) (agentiq.ReportJob, error) {
	if err := j.Validate(); err != nil {
		return j, err
	}
	var ttl map[string]types.AttributeValue
	if !j.ExpiresAt.IsZero() {
		ttl = map[string]types.AttributeValue{attrTTL: nv(j.ExpiresAt.Unix())}
	}
	m, err := item(j, reportJobPK(j.SellerID, j.ID), reportJobSK, ttl)
	if err != nil {
		return j, err
	}
	out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: m,
		ConditionExpression:       aws.String("attribute_exists(PK) AND NOT (#st IN (:done, :failed))"),
		ExpressionAttributeNames:  map[string]string{"#st": "status"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":done": sv(string(agentiq.ReportDone)), ":failed": sv(string(agentiq.ReportFailed))},
		ReturnConsumedCapacity:    types.ReturnConsumedCapacityTotal})
	if conditionFailed(err) {
		prior, rerr := s.ReportJob(ctx, j.SellerID, j.ID)
		if rerr != nil {
			return j, rerr
		}
		return j, fmt.Errorf("report job %s is %s: %w", j.ID, prior.Status, agentiq.ErrConflict)
	}
	if err != nil {
		return j, wrap("update report job", err)
	}
	s.writeOne("update report job", out.ConsumedCapacity)
	return j, nil
}
