package technique

// All returns every technique in the order Build runs them. The order only
// affects build time, never the graph, since Freeze sorts edges.
func All() []*Technique {
	return append(core(), escalations()...)
}

// core lists the techniques of exposure, credential theft and data access.
func core() []*Technique {
	return []*Technique{
		InternetIngress,
		LoadBalancerForward,
		SSRFIMDSv1,
		RCEIMDS,
		InstanceCredentials,
		AssumeRole,
		S3Read,
		PublicBucketPolicy,
		KMSDecrypt,
		SecretsManagerRead,
		DynamoDBRead,
		RDSPublicEndpoint,
		RDSIAMAuth,
		LambdaEnvCredentials,
		UserDataCredentials,
	}
}

// ByID returns the technique with the given id.
func ByID(id string) (*Technique, bool) {
	for _, t := range All() {
		if t.ID == id {
			return t, true
		}
	}
	return nil, false
}
