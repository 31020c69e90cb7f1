package catalog

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
)

// Encode writes records as the embedded catalogue: a gzip'd JSON array,
// one record per line, documents compacted. The output depends on the
// records alone (no timestamp in the gzip header), so regenerating an
// unchanged catalogue changes no byte.
func Encode(records []Record) ([]byte, error) {
	sorted := append([]Record(nil), records...)
	Sort(sorted)
	var plain bytes.Buffer
	plain.WriteString("[\n")
	for i, r := range sorted {
		if err := r.Validate(); err != nil {
			return nil, err
		}
		line, err := compactRecord(r)
		if err != nil {
			return nil, err
		}
		plain.Write(line)
		if i < len(sorted)-1 {
			plain.WriteByte(',')
		}
		plain.WriteByte('\n')
	}
	plain.WriteString("]\n")
	return gzipBytes(plain.Bytes())
}

func compactRecord(r Record) ([]byte, error) {
	var doc bytes.Buffer
	if err := json.Compact(&doc, r.Document); err != nil {
		return nil, fmt.Errorf("%s: compact document: %w", r.ARN, err)
	}
	r.Document = doc.Bytes()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("encode %s: %w", r.ARN, err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func gzipBytes(data []byte) ([]byte, error) {
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, fmt.Errorf("compress catalogue: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress catalogue: %w", err)
	}
	return out.Bytes(), nil
}

// Decode reads an embedded catalogue back into records. It does not
// validate them: the caller parses each document anyway.
func Decode(gz []byte) ([]Record, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("decompress catalogue: %w", err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("decompress catalogue: %w", err)
	}
	var records []Record
	if err := json.Unmarshal(plain, &records); err != nil {
		return nil, fmt.Errorf("decode catalogue: %w", err)
	}
	return records, nil
}
